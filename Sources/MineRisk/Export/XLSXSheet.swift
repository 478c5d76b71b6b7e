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

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// Column widths from the content: the widest cell, East Asian characters counted double, within 6…60
    /// (plus room for the filter button when the sheet has an autofilter).
    public var effectiveColumnWidths: [Double] {
        if let columnWidths { return columnWidths }
        let columns = columnCount, rows = self.rows
        // Blocks of rows measured side by side, then the widest of each column taken.
        let block = 4096, blocks = (rows.count + block - 1) / block
        var widest = [[Int]](repeating: [Int](repeating: 0, count: columns), count: blocks)
        widest.withUnsafeMutableBufferPointer { widest in
            try? ParallelTasks(threads: nil).run(blocks) { b in
                for row in rows[(b * block)..<min(rows.count, (b + 1) * block)] {
                    // A row of one cell is a title: it may overflow into the empty cells beside it.
                    if row.count == 1 && columns > 1 { continue }
                    for (c, cell) in row.enumerated() {
                        let text = cell.displayText
                        let width = text.utf8.contains(0x0A)
                            ? text.split(separator: "\n", omittingEmptySubsequences: false).map { displayWidth(String($0)) }.max() ?? 0
                            : displayWidth(text)
                        widest[b][c] = max(widest[b][c], width + (cell.style.bold ? 1 : 0))
                    }
                }
            }
        }
        var widths = [Int](repeating: 0, count: columns)
        for block in widest { for c in 0..<columns { widths[c] = max(widths[c], block[c]) } }
        // Room for the autofilter's drop-down button in the header.
        return widths.map { Double(min(max($0 + 2, 6), 60)) + (autoFilterRow != nil ? 2 : 0) }
    }
}
