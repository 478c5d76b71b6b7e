/// Where a scenario came from, for provenance.
public struct ScenarioInfo: Sendable, Equatable, Codable {
    public var name: BilingualName
    public var description: String?
    public var source: String?
    public var start: ScenarioStart
    public var file: String?
    public var sha256: String?
}

/// The register a scenario ran on.
public struct RegisterInfo: Sendable, Equatable, Codable {
    public var file: String
    public var sha256: String

    public init(_ register: CoalRegister) {
        file = register.file
        sha256 = register.sha256
    }
}

/// A scenario's outcome: totals, by county, year by year and mine by mine, with its provenance.
public struct ScenarioResult: Sendable, Equatable, Encodable {
    public var scenario: ScenarioInfo
    public var register: RegisterInfo
    /// Totals at the end of the scenario.
    public var totals: ScenarioTotals
    /// Closed mines by the rule that closed them (`recorded` for the register's closures).
    public var closuresByRule: [String: Int]
    public var byCounty: [CountyOutcome]
    /// Every year from the first change to the last, in order.
    public var byYear: [YearState]
    /// Every mine of the register, in register order.
    public var mines: [MineOutcome]
    /// What a reader should know: rules that could not be applied in full, mines without a grade.
    public var notes: [String]
    /// Whether the mines' grades were used (closeGrade), and how they were made.
    public var gradesUsed: Bool
    public var engine: String

    enum CodingKeys: String, CodingKey {
        case scenario, register, closuresByRule, byCounty, byYear, mines, notes, gradesUsed, engine
    }

    public func encode(to encoder: Encoder) throws {
        try totals.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(register, forKey: .register)
        try c.encode(closuresByRule, forKey: .closuresByRule)
        try c.encode(byCounty, forKey: .byCounty)
        try c.encode(byYear, forKey: .byYear)
        try c.encode(mines, forKey: .mines)
        try c.encode(notes, forKey: .notes)
        try c.encode(gradesUsed, forKey: .gradesUsed)
        try c.encode(engine, forKey: .engine)
    }

    /// The first and last year of the schedule, if anything happens.
    public var years: ClosedRange<Int>? {
        guard let first = byYear.first?.year, let last = byYear.last?.year else { return nil }
        return first...last
    }
}
