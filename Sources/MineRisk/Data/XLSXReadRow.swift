import Foundation

/// One row of a sheet: the cells it has, in column order; empty cells are absent.
public struct XLSXReadRow: Sendable, Hashable {
    /// 1-based row number.
    public var number: Int
    public var cells: [XLSXReadCell]

    public init(number: Int, cells: [XLSXReadCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in a 0-based column, if it is not empty.
    public subscript(column: Int) -> XLSXReadCell? {
        cells.first { $0.column == column && !$0.isBlank }
    }

    /// True when every cell is empty or blank text.
    public var isEmpty: Bool { cells.allSatisfy(\.isBlank) }

    /// The column whose text names `name`: exactly, or as the first word of a bilingual header ("value 分值").
    public func column(headed name: String) -> Int? {
        cells.first { cell in
            let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let first = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{3000}" }).first.map(String.init)
            return text.caseInsensitiveCompare(name) == .orderedSame || first?.caseInsensitiveCompare(name) == .orderedSame
        }?.column
    }
}
