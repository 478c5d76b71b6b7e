/// A rule of a standard that changed over time, as chosen for the round's date; recorded in provenance.
public struct RuleInForce: Sendable, Equatable, Codable {
    /// What the rule decides: `online-monitoring-duty`, `vetoes:tailings_pond`, ….
    public var id: String
    /// The rule chosen, in words.
    public var text: String
    /// The standard or regulation, with its clause.
    public var source: String

    public init(id: String, text: String, source: String) {
        self.id = id
        self.text = text
        self.source = source
    }
}
