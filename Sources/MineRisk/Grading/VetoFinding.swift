/// A major accident hazard (重大事故隐患) found on a facility: it grades the facility major by itself (一票否决).
public struct VetoFinding: Sendable, Equatable, Codable {
    /// The veto code of the facility's model (e.g. `TP-08`).
    public var code: String
    /// The hazard as the official list words it.
    public var text: String
    /// Where it was found: `hazards.csv:LINE`, `facilities.csv:LINE FIELD`, or the model rule.
    public var source: String

    public init(code: String, text: String, source: String) {
        self.code = code
        self.text = text
        self.source = source
    }
}
