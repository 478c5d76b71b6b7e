/// One worksheet: rows of typed cells, a frozen header, an autofilter, column widths.
public struct XLSXSheet: Sendable {
    /// The tab's name; made valid (at most 31 characters, none of : \ / ? * [ ]) when written.
    public var name: String
    public var rows: [[XLSXCell]]
    /// Rows kept in view when scrolling (the header).
    public var frozenRows: Int
    /// Columns kept in view when scrolling (the ids).
    public var frozenColumns: Int
    /// The row (0-based) that heads the filtered table; the filter runs from it to the last row.
    public var autoFilterRow: Int?
    /// Widths in Excel's character units; computed from the content when nil.
    public var columnWidths: [Double]?
    /// Checks on what may be typed into cells: drop-down lists, number ranges.
    public var dataValidations: [XLSXDataValidation]
    /// A protected sheet lets the user edit only the cells whose style is not `locked` (no password).
    public var isProtected: Bool
    /// Printed scaled to one page wide (as many pages down as needed).
    public var fitsPageWidth = false
    /// Rows after `rows` made on demand (a long table); nil when every row is in `rows`.
    public var source: XLSXRowSource?

    public init(name: String, rows: [[XLSXCell]] = [], frozenRows: Int = 0, frozenColumns: Int = 0,
                autoFilterRow: Int? = nil, columnWidths: [Double]? = nil,
                dataValidations: [XLSXDataValidation] = [], isProtected: Bool = false) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.autoFilterRow = autoFilterRow
        self.columnWidths = columnWidths
        self.dataValidations = dataValidations
        self.isProtected = isProtected
    }

    /// A table sheet: a bold header row, frozen, with an autofilter over the table.
    public static func table(name: String, headers: [String], rows: [[XLSXCell]], frozenColumns: Int = 0) -> XLSXSheet {
        XLSXSheet(name: name, rows: [headers.map { .text($0, style: .header) }] + rows, frozenRows: 1,
                  frozenColumns: frozenColumns, autoFilterRow: 0)
    }

    public mutating func append(_ row: [XLSXCell]) { rows.append(row) }

    /// A table sheet whose rows after the header are made by `source` as they are written, never all at once.
    public static func table(name: String, headers: [String], source: XLSXRowSource, frozenColumns: Int = 0) -> XLSXSheet {
        var sheet = XLSXSheet(name: name, rows: [headers.map { .text($0, style: .header) }], frozenRows: 1,
                              frozenColumns: frozenColumns, autoFilterRow: 0)
        sheet.source = source
        return sheet
    }

    /// Rows in all: `rows`, then the source's.
    public var rowCount: Int { rows.count + (source?.count ?? 0) }

    /// Row `r` (0-based) of the sheet.
    public func row(_ r: Int) -> [XLSXCell] {
        r < rows.count ? rows[r] : source!.row(r - rows.count)
    }

    /// Every row, made whole (for a sheet with a source, its rows are made here).
    public var allRows: [[XLSXCell]] {
        guard let source else { return rows }
        return rows + (0..<source.count).map(source.row)
    }

    public var columnCount: Int { max(rows.map(\.count).max() ?? 0, source?.columns ?? 0) }

    /// Column widths from the content: the widest cell, East Asian characters counted double, within 6…60
    /// (plus room for the filter button when the sheet has an autofilter).
    public var effectiveColumnWidths: [Double] {
        if let columnWidths { return columnWidths }
        let columns = columnCount, count = rowCount
        // Blocks of rows measured side by side, then the widest of each column taken.
        let block = 4096, blocks = (count + block - 1) / block
        var widest = [[Int]](repeating: [Int](repeating: 0, count: columns), count: blocks)
        widest.withUnsafeMutableBufferPointer { widest in
            try? ParallelTasks(threads: nil).run(blocks) { b in
                for r in (b * block)..<min(count, (b + 1) * block) { measure(row(r), columns: columns, into: &widest[b]) }
            }
        }
        return widths(fromWidest: widest)
    }

    /// Widens `widest` (display columns per column) to fit a row's cells.
    func measure(_ row: [XLSXCell], columns: Int, into widest: inout [Int]) {
        // A row of one cell is a title: it may overflow into the empty cells beside it.
        if row.count == 1 && columns > 1 { return }
        for (c, cell) in row.enumerated() {
            let text = cell.displayText
            let width = text.utf8.contains(0x0A)
                ? text.split(separator: "\n", omittingEmptySubsequences: false).map { displayWidth(String($0)) }.max() ?? 0
                : displayWidth(text)
            widest[c] = max(widest[c], width + (cell.style.bold ? 1 : 0))
        }
    }

    /// Column widths from the widest cells measured by blocks of rows.
    func widths(fromWidest blocks: [[Int]]) -> [Double] {
        var widths = [Int](repeating: 0, count: columnCount)
        for block in blocks { for c in widths.indices where c < block.count { widths[c] = max(widths[c], block[c]) } }
        // Room for the autofilter's drop-down button in the header.
        return widths.map { Double(min(max($0 + 2, 6), 60)) + (autoFilterRow != nil ? 2 : 0) }
    }

    /// Microsoft's "Excel specifications and limits": a worksheet holds at most 1,048,576 rows (LibreOffice Calc
    /// the same since 7.4).
    public static let maximumRows = 1_048_576

    /// The sheet as one or more sheets of at most `rowLimit` rows: a table with a source too long for one sheet
    /// goes on in sheets of the same name (written "Name (2)", …), each with the header rows again.
    func split(rowLimit: Int = maximumRows) throws -> [XLSXSheet] {
        guard rowCount > rowLimit else { return [self] }
        guard let source, rows.count < rowLimit else {
            throw MineRiskError.usage("sheet \(name): \(rowCount) rows, over the \(rowLimit) a worksheet holds")
        }
        let perSheet = rowLimit - rows.count
        return stride(from: 0, to: source.count, by: perSheet).map { first in
            var part = self
            part.source = source.slice(first..<min(source.count, first + perSheet))
            return part
        }
    }
}

/// Rows of a sheet made on demand, by index, so that a table of a million rows is never built in memory: the
/// writer asks for them a block at a time, on all processors.
public struct XLSXRowSource: Sendable {
    public private(set) var count: Int
    public let columns: Int
    /// The styles its cells use, in the order they are numbered in styles.xml; a cell of another style is
    /// still written right, numbered when it is first met.
    public let styles: [XLSXStyle]
    private let make: @Sendable (Int) -> [XLSXCell]
    private var offset: Int

    public init(count: Int, columns: Int, styles: [XLSXStyle], row: @escaping @Sendable (Int) -> [XLSXCell]) {
        self.count = count
        self.columns = columns
        self.styles = styles
        make = row
        offset = 0
    }

    /// Row `i` (0-based) of the source.
    public func row(_ i: Int) -> [XLSXCell] { make(offset + i) }

    /// The rows of `range`.
    func slice(_ range: Range<Int>) -> XLSXRowSource {
        var part = self
        part.count = range.count
        part.offset = offset + range.lowerBound
        return part
    }
}
