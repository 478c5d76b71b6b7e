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
