/// One cell as a spreadsheet file holds it (ECMA-376 Part 1 §18.3.1.4), with its reference.
public struct XLSXReadCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// A shared string, an inline string or a formula's string result.
        case text(String)
        case number(Double)
        case bool(Bool)
        /// An error value such as "#DIV/0!".
        case error(String)
    }

    /// The reference such as "C12".
    public var reference: String
    /// 1-based row number, as in the reference.
    public var row: Int
    /// 0-based column index (A is 0).
    public var column: Int
    public var value: Value

    public init(reference: String, row: Int, column: Int, value: Value) {
        self.reference = reference
        self.row = row
        self.column = column
        self.value = value
    }

    /// The cell's text: a string as stored, a number as its shortest decimal form.
    public var text: String {
        switch value {
        case let .text(text): return text
        case let .number(number): return number.clean
        case let .bool(flag): return flag ? "TRUE" : "FALSE"
        case let .error(code): return code
        }
    }

    /// The cell's number: a number cell, or a text cell holding a number ("12", " 3.5 ", as typed into a text-formatted
    /// cell); nil otherwise and for an infinity or NaN.
    public var number: Double? {
        switch value {
        case let .number(number): return number.isFinite ? number : nil
        case let .text(text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let number = Double(trimmed), number.isFinite else { return nil }
            return number
        case .bool, .error: return nil
        }
    }

    /// True for a text cell of nothing but white space (a cell that only looks empty).
    public var isBlank: Bool {
        if case let .text(text) = value { return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return false
    }
}

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

/// The 0-based column and 1-based row of a reference such as "AB12"; nil when it is not one.
public func xlsxParseReference(_ reference: String) -> (column: Int, row: Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for scalar in reference.unicodeScalars {
        switch scalar.value {
        case 65...90 where digits == 0:
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
        case 97...122 where digits == 0:
            column = column * 26 + Int(scalar.value - 96)
            letters += 1
        case 48...57 where letters > 0:
            row = row * 10 + Int(scalar.value - 48)
            digits += 1
        case 36:
            continue // "$A$1"
        default:
            return nil
        }
        if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0, digits > 0, row > 0 else { return nil }
    return (column - 1, row)
}

/// Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
public func xlsxColumnName(_ index: Int) -> String {
    var n = index + 1
    var name = ""
    while n > 0 {
        let remainder = (n - 1) % 26
        name = String(UnicodeScalar(UInt8(65 + remainder))) + name
        n = (n - 1) / 26
    }
    return name
}

/// A cell reference such as "C7" from 0-based row and column.
public func xlsxCellReference(row: Int, column: Int) -> String {
    xlsxColumnName(column) + String(row + 1)
}
