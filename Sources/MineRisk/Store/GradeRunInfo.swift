/// The options a grading run was made with, as the store records them.
public struct RunOptions: Sendable, Equatable, Codable {
    public var riTable: RandomIndexTable
    public var ahpMethod: AHPMethod
    public var weightingChoice: WeightingChoice
    public var fuzzyOperator: String
    public var gradeRule: GradeRule

    public init(riTable: RandomIndexTable, ahpMethod: AHPMethod, weightingChoice: WeightingChoice, fuzzyOperator: String, gradeRule: GradeRule) {
        self.riTable = riTable
        self.ahpMethod = ahpMethod
        self.weightingChoice = weightingChoice
        self.fuzzyOperator = fuzzyOperator
        self.gradeRule = gradeRule
    }

    /// The weighting choice's label, as the tables show it.
    public var weighting: String { weightingChoice.label }

    enum CodingKeys: String, CodingKey {
        case riTable, ahpMethod, weighting, weightingChoice, fuzzyOperator, gradeRule
    }

    /// The choice both as its label (`weighting`, as runs saved before were written) and typed (`weightingChoice`).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(riTable, forKey: .riTable)
        try c.encode(ahpMethod, forKey: .ahpMethod)
        try weightingChoice.encode(to: &c, typed: .weightingChoice, label: .weighting)
        try c.encode(fuzzyOperator, forKey: .fuzzyOperator)
        try c.encode(gradeRule, forKey: .gradeRule)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(riTable: try c.decode(RandomIndexTable.self, forKey: .riTable), ahpMethod: try c.decode(AHPMethod.self, forKey: .ahpMethod),
                  weightingChoice: try WeightingChoice.decode(from: c, typed: .weightingChoice, label: .weighting),
                  fuzzyOperator: try c.decode(String.self, forKey: .fuzzyOperator), gradeRule: try c.decode(GradeRule.self, forKey: .gradeRule))
    }
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

extension GradeReport {
    /// The options a saved run records of the report's provenance.
    var runOptions: RunOptions {
        let p = provenance
        return RunOptions(riTable: p.riTable, ahpMethod: p.ahpMethod, weightingChoice: p.weightingChoice,
                          fuzzyOperator: p.fuzzyOperator, gradeRule: p.gradeRule)
    }

    /// Refuses to save a report that does not grade exactly the round's facilities (`stored`).
    func checkGrades(_ stored: Set<String>, round id: String, store: String) throws {
        let graded = Set(facilities.map(\.id))
        guard stored == graded else {
            let extra = graded.subtracting(stored).sorted().prefix(5), lacking = stored.subtracting(graded).sorted().prefix(5)
            throw MineRiskError.usage("the grading does not match round \(id) of \(store): not in the round \(extra.joined(separator: ", ")); not graded \(lacking.joined(separator: ", "))")
        }
    }
}
