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
    /// The rule that closed it, with its line and boundary ("close ≤ 90,000 t/yr", "close < 300,000 t/yr"), or `recorded`.
    public var closedBy: String?
    /// That rule's key as written in a scenario file (closeAtOrBelow, closeUnder, …), or `recorded`.
    public var closedByKey: String?
    /// Why it closed, or how it changed while operating (upgrades, mergers).
    public var reason: String?
    /// Its grade from `minerisk grade`, when grades were used.
    public var grade: RiskGrade?
    /// Kept open whatever the rules.
    public var kept: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, county, status, capacityTpa, baselineCapacityTpa, closedYear, closedBy, closedByKey, reason, grade, kept
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
        try c.encode(closedByKey, forKey: .closedByKey)
        try c.encode(reason, forKey: .reason)
        try c.encode(grade, forKey: .grade)
        try c.encode(kept, forKey: .kept)
    }
}
