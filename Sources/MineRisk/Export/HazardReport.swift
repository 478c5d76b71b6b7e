/// What `minerisk hazards list|overdue|summary` writes: the entries known on a day, their summary, and the
/// red warnings of overdue major dangers (for overdue). The JSON is `{asOf, hazards, summary}` (and `warnings`).
public struct HazardReport: Encodable {
    /// Which of the three commands the table is of.
    public enum View: Sendable { case list, overdue, summary }

    public var view: View
    public var asOf: String
    public var hazards: [HazardRegister.Entry]
    public var summary: HazardSummary
    public var warnings: [HazardWarning]?

    public init(_ view: View, asOf: String, hazards: [HazardRegister.Entry], summary: HazardSummary, warnings: [HazardWarning]? = nil) {
        self.view = view
        self.asOf = asOf
        self.hazards = hazards
        self.summary = summary
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey { case asOf, hazards, summary, warnings }

    /// The terminal table of the view.
    func table() -> String {
        switch view {
        case .list:
            return "Hidden dangers on \(asOf): \(hazards.count)\n" + HazardText.table(hazards).render()
        case .overdue:
            var text = "Overdue on \(asOf): \(hazards.count) findings\n" + HazardText.table(hazards).render()
            text += "\nRed warnings (overdue major dangers): \(warnings?.count ?? 0)\n"
            for w in warnings ?? [] { text += "  RED  \(w.facility) \(w.name) (\(w.county)) \(w.hazard) \(w.code), overdue since \(w.since)\n" }
            return text
        case .summary:
            return HazardText.summary(summary, asOf: asOf)
        }
    }

    /// One row per entry: the finding's columns, its county and whether it is overdue.
    func csv() -> String {
        var writer = CSVWriter()
        writer.row(HazardFinding.columns + ["county", "overdue"])
        for e in hazards { writer.row(e.finding.cells + [e.county, e.overdue ? "yes" : "no"]) }
        return writer.text
    }
}
