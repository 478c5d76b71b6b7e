/// One expert's scoring sheet (专家打分表): the facility and indicator pairs to fill, by facility kind.
public struct ScoringForm: Sendable {
    /// One line of the form: a facility, one of its model's indicators, and the expert's value if recorded.
    public struct Line: Sendable {
        public var facility: Facility
        public var indicator: Indicator
        /// The expert's own value already in the round: shown and locked.
        public var recorded: Double?
        /// True when no expert has a value for the pair yet, so the facility cannot be graded without it.
        public var missing: Bool
    }

    /// The lines of one facility kind, in facility and model order.
    public struct Section: Sendable {
        public var kind: FacilityKind
        public var lines: [Line]
    }

    public var expert: Expert
    /// Only the missing pairs (`--only-missing`), or every pair of the expert's facilities.
    public var onlyMissing: Bool
    /// The data folder or store round the form was made from.
    public var source: String
    public var sections: [Section]

    /// Lines the expert may fill (those without a recorded value).
    public var openLines: Int { sections.reduce(0) { $0 + $1.lines.filter { $0.recorded == nil }.count } }
    public var lineCount: Int { sections.reduce(0) { $0 + $1.lines.count } }
    public var facilityCount: Int { Set(sections.flatMap { $0.lines.map(\.facility.id) }).count }
}
