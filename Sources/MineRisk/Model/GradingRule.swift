/// One band of the risk score.
public struct GradeBand: Codable, Sendable, Hashable {
    public var grade: RiskGrade
    public var from: Double
    public var to: Double
}

/// How a risk score becomes a grade.
public struct GradingRule: Codable, Sendable, Hashable {
    public var gradeValues: [Double]
    public var bands: [GradeBand]
    public var source: String?
}
