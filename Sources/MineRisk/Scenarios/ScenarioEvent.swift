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
    /// The rule that made the change, with its line and boundary ("close ≤ 90,000 t/yr"), or `recorded` for the register.
    public var rule: String
    /// The rule's key as written in a scenario file (closeAtOrBelow, closeUnder, …), or `recorded`.
    public var ruleKey: String
    public var capacityBeforeTpa: Double
    public var capacityAfterTpa: Double
    public var reason: String
}
