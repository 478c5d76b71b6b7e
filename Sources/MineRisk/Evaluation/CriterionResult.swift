/// One criterion of the first level (准则层) of a graded facility: what drives its grade.
public struct CriterionResult: Sendable, Equatable, Codable {
    public var id: String
    public var nameZh: String
    /// The criterion's weight in the facility's score (the sum of its indicators' global weights).
    public var weight: Double
    /// Normalised memberships of low, general, significant, major, from the criterion's indicators alone.
    public var membership: [Double]
    /// The criterion's own risk score, membership · grade values (higher = riskier).
    public var score: Double
}
