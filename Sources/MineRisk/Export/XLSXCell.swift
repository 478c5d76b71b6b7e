/// How a spreadsheet cell looks: bold, filled, coloured text, a number format.
public struct XLSXStyle: Sendable, Hashable {
    public var bold: Bool
    /// Solid fill, RGB hex such as "D7263D".
    public var fill: String?
    /// Font colour, RGB hex.
    public var fontColour: String?
    /// An Excel number format code such as "0.00".
    public var numberFormat: String?
    public var wrapText: Bool
    /// False for a cell the user may edit on a protected sheet (ECMA-376 §18.8.33: cells are locked by default).
    public var locked: Bool

    public init(bold: Bool = false, fill: String? = nil, fontColour: String? = nil, numberFormat: String? = nil,
                wrapText: Bool = false, locked: Bool = true) {
        self.bold = bold
        self.fill = fill
        self.fontColour = fontColour
        self.numberFormat = numberFormat
        self.wrapText = wrapText
        self.locked = locked
    }

    public static let plain = XLSXStyle()
    /// A table's header row: bold on a light grey fill.
    public static let header = XLSXStyle(bold: true, fill: "E7E9EE")
    /// A section title.
    public static let title = XLSXStyle(bold: true)

    /// Decimals of a "0.00"-style number format, used to size columns.
    var decimals: Int? {
        guard let numberFormat, numberFormat.allSatisfy({ $0 == "0" || $0 == "." }) else { return nil }
        guard let dot = numberFormat.firstIndex(of: ".") else { return 0 }
        return numberFormat.distance(from: dot, to: numberFormat.endIndex) - 1
    }
}

/// One spreadsheet cell: text, a number, or nothing, with its style.
public struct XLSXCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case empty
        case text(String)
        case number(Double)
    }

    public var value: Value
    public var style: XLSXStyle

    public init(_ value: Value, style: XLSXStyle = .plain) {
        self.value = value
        self.style = style
    }

    /// A text cell; an empty string makes an empty cell.
    public static func text(_ text: String, style: XLSXStyle = .plain) -> XLSXCell {
        XLSXCell(text.isEmpty ? .empty : .text(text), style: style)
    }

    /// A number cell; nil or a non-finite number makes an empty cell (spreadsheets hold no NaN or infinity).
    public static func number(_ number: Double?, style: XLSXStyle = .plain) -> XLSXCell {
        guard let number, number.isFinite else { return XLSXCell(.empty, style: style) }
        return XLSXCell(.number(number), style: style)
    }

    public static func number(_ number: Int?, style: XLSXStyle = .plain) -> XLSXCell {
        Self.number(number.map(Double.init), style: style)
    }

    /// The text a reader sees, to size the column.
    var displayText: String {
        switch value {
        case .empty: return ""
        case let .text(text): return text
        case let .number(number):
            if let decimals = style.decimals { return FixedDecimal.text(number, decimals: decimals) }
            return number.clean
        }
    }
}
