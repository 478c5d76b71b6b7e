import Foundation

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
