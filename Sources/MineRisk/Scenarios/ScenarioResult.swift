/// What happened to a mine in one year of a scenario.
public enum ScenarioEventKind: String, Codable, Sendable {
    /// The mine closed (by the register, a rule, or merged into another).
    case closed
    /// Its capacity was raised by upgrading (技改).
    case upgraded
    /// It absorbed other mines (兼并重组) and took the merged capacity.
    case merged
}

/// One change to one mine in one year.
public struct ScenarioEvent: Sendable, Equatable, Codable {
    public var year: Int
    public var mine: String
    public var kind: ScenarioEventKind
    /// The rule that made the change: a scenario rule name (closeBelow, …) or `recorded` for the register.
    public var rule: String
    public var capacityBeforeTpa: Double
    public var capacityAfterTpa: Double
    public var reason: String
}

/// A group's totals under a name (a county).
public struct CountyOutcome: Sendable, Equatable, Encodable {
    public var county: String
    public var totals: ScenarioTotals

    enum CodingKeys: String, CodingKey { case county }

    public func encode(to encoder: Encoder) throws {
        try totals.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(county, forKey: .county)
    }
}

/// The state at the end of one year of a scenario, and what changed in it.
public struct YearState: Sendable, Equatable, Encodable {
    public var year: Int
    /// The note of the scenario's step for this year, if any.
    public var note: String?
    public var closedThisYear: Int
    public var closedCapacityThisYearTpa: Double
    /// Totals at the end of the year (cumulative).
    public var totals: ScenarioTotals
    public var byCounty: [CountyOutcome]
    public var events: [ScenarioEvent]

    enum CodingKeys: String, CodingKey { case year, note, closedThisYear, closedCapacityThisYearTpa, byCounty, events }

    public func encode(to encoder: Encoder) throws {
        try totals.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(note, forKey: .note)
        try c.encode(closedThisYear, forKey: .closedThisYear)
        try c.encode(closedCapacityThisYearTpa.rounded(to: 2), forKey: .closedCapacityThisYearTpa)
        try c.encode(byCounty, forKey: .byCounty)
        try c.encode(events, forKey: .events)
    }
}

/// One mine at the end of a scenario.
public struct MineOutcome: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var county: String
    public var status: CoalMineStatus
    /// Current capacity if operating; capacity when it closed otherwise (t/yr).
    public var capacityTpa: Double
    /// The register's capacity (t/yr).
    public var baselineCapacityTpa: Double
    public var closedYear: Int?
    /// The rule that closed it: a scenario rule name, or `recorded`.
    public var closedBy: String?
    /// Why it closed, or how it changed while operating (upgrades, mergers).
    public var reason: String?
    /// Its grade from `minerisk grade`, when grades were used.
    public var grade: RiskGrade?
    /// Kept open whatever the rules.
    public var kept: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, county, status, capacityTpa, baselineCapacityTpa, closedYear, closedBy, reason, grade, kept
    }

    /// Every key is written, null when empty, so that exporters see the same columns for every mine.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(county, forKey: .county)
        try c.encode(status, forKey: .status)
        try c.encode(capacityTpa.rounded(to: 2), forKey: .capacityTpa)
        try c.encode(baselineCapacityTpa.rounded(to: 2), forKey: .baselineCapacityTpa)
        try c.encode(closedYear, forKey: .closedYear)
        try c.encode(closedBy, forKey: .closedBy)
        try c.encode(reason, forKey: .reason)
        try c.encode(grade, forKey: .grade)
        try c.encode(kept, forKey: .kept)
    }
}

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
