/// The options a grading run was made with, as the store records them.
public struct RunOptions: Sendable, Equatable, Codable {
    public var riTable: RandomIndexTable
    public var ahpMethod: AHPMethod
    public var weighting: String
    public var fuzzyOperator: String
    public var gradeRule: GradeRule
}

/// A saved grading run of a round: when, with what, and its counts by grade.
public struct GradeRunInfo: Sendable, Equatable, Codable {
    public var id: Int64
    public var round: String
    public var createdAt: String
    public var engine: String
    public var models: [ModelProvenance]
    public var options: RunOptions
    /// The seed of a randomised run; nil for a deterministic one.
    public var seed: String?
    public var byGrade: [String: Int]
    public var incomplete: Int
}

/// A facility's saved result in a run.
public struct StoredGrade: Sendable, Equatable, Codable {
    public var status: GradingStatus
    public var grade: RiskGrade?
    public var score: Double?
    public var vetoes: [String]
}
