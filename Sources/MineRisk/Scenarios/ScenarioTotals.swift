/// Counts and capacities of a group of mines (the whole register, or one county) at one moment.
public struct ScenarioTotals: Sendable, Equatable {
    /// Every mine of the register in the group, operating or closed: the denominator of the closure ratio.
    public var baselineMines = 0
    public var closedMines = 0
    public var remainingMines = 0
    /// The register's capacities, t/yr.
    public var baselineCapacityTpa = 0.0
    /// Capacity retired with the closed mines (each at its capacity when it closed), t/yr.
    public var closedCapacityTpa = 0.0
    /// Capacity of the mines still operating, upgrades and mergers included, t/yr.
    public var remainingCapacityTpa = 0.0

    public init() {}

    /// DOMAIN §6: closure ratio = mines closed / baseline mines, by count.
    public var closureRatio: Double { baselineMines == 0 ? 0 : Double(closedMines) / Double(baselineMines) }

    /// DOMAIN §6: the capacity ratio reported beside it: the share of the baseline capacity no longer
    /// produced, net of capacity added by upgrading (技改) and mergers (兼并重组).
    public var capacityReductionRatio: Double {
        baselineCapacityTpa == 0 ? 0 : (baselineCapacityTpa - remainingCapacityTpa) / baselineCapacityTpa
    }

    /// Capacity added (or, if negative, given up) by upgrades and mergers, t/yr:
    /// remaining = baseline − closed + change.
    public var capacityChangeTpa: Double { remainingCapacityTpa - (baselineCapacityTpa - closedCapacityTpa) }

    /// Counts one mine of the register in its current state.
    mutating func add(baselineCapacity: Double, operating: Bool, capacity: Double) {
        baselineMines += 1
        baselineCapacityTpa += baselineCapacity
        if operating {
            remainingMines += 1
            remainingCapacityTpa += capacity
        } else {
            closedMines += 1
            closedCapacityTpa += capacity
        }
    }
}

extension ScenarioTotals: Encodable {
    enum CodingKeys: String, CodingKey {
        case baselineMines, closedMines, remainingMines, closureRatio
        case baselineCapacityTpa, closedCapacityTpa, remainingCapacityTpa, capacityReductionRatio, capacityChangeTpa
    }

    /// Encodes the totals as keys of the enclosing object, so that results read `{"closedMines": 11, …}`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(baselineMines, forKey: .baselineMines)
        try c.encode(closedMines, forKey: .closedMines)
        try c.encode(remainingMines, forKey: .remainingMines)
        try c.encode(closureRatio.rounded(to: 4), forKey: .closureRatio)
        try c.encode(baselineCapacityTpa.rounded(to: 2), forKey: .baselineCapacityTpa)
        try c.encode(closedCapacityTpa.rounded(to: 2), forKey: .closedCapacityTpa)
        try c.encode(remainingCapacityTpa.rounded(to: 2), forKey: .remainingCapacityTpa)
        try c.encode(capacityReductionRatio.rounded(to: 4), forKey: .capacityReductionRatio)
        try c.encode(capacityChangeTpa.rounded(to: 2), forKey: .capacityChangeTpa)
    }
}
