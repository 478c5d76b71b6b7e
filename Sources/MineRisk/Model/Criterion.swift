/// A criterion (first level) with its indicators and their pairwise judgements.
public struct Criterion: Codable, Sendable, Hashable {
    public var id: String
    public var name: BilingualName
    public var source: String?
    public var matrix: [[Judgement]]
    public var indicators: [Indicator]
}

/// The criteria level: pairwise judgements over criteria, and the criteria.
public struct CriteriaLevel: Codable, Sendable, Hashable {
    public var matrix: [[Judgement]]
    public var items: [Criterion]
}
