/// A check a spreadsheet applies to what is typed into a range of cells (ECMA-376 Part 1 §18.3.1.32).
public struct XLSXDataValidation: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// A drop-down list of the given values (type="list").
        case list([String])
        /// A decimal number from `minimum` to `maximum`, both included (type="decimal" operator="between").
        case decimal(minimum: Double, maximum: Double)
    }

    public var rule: Rule
    /// The cells it applies to, space-separated ranges such as "I2:I40 I45".
    public var ranges: String
    /// The title and text of the message shown when a value is refused.
    public var errorTitle: String
    public var error: String
    /// Shown while the cell is selected.
    public var prompt: String?

    public init(rule: Rule, ranges: String, errorTitle: String, error: String, prompt: String? = nil) {
        self.rule = rule
        self.ranges = ranges
        self.errorTitle = errorTitle
        self.error = error
        self.prompt = prompt
    }

    /// The `<dataValidation>` element; an empty cell is allowed (allowBlank), a wrong value stopped (errorStyle stop).
    var xml: String {
        var attributes: String
        var formulas: String
        switch rule {
        case let .list(values):
            attributes = "type=\"list\""
            // §18.3.1.32: an explicit list is one quoted formula of comma-separated items.
            formulas = "<formula1>\"\(xmlEscaped(values.joined(separator: ",")))\"</formula1>"
        case let .decimal(minimum, maximum):
            attributes = "type=\"decimal\" operator=\"between\""
            formulas = "<formula1>\(minimum.clean)</formula1><formula2>\(maximum.clean)</formula2>"
        }
        attributes += " allowBlank=\"1\" showErrorMessage=\"1\" errorStyle=\"stop\""
        attributes += " errorTitle=\"\(xmlEscaped(errorTitle))\" error=\"\(xmlEscaped(error))\""
        if let prompt { attributes += " showInputMessage=\"1\" prompt=\"\(xmlEscaped(prompt))\"" }
        return "<dataValidation \(attributes) sqref=\"\(ranges)\">\(formulas)</dataValidation>"
    }
}
