/// Where a facility's indicator weights come from.
public enum WeightingChoice: Sendable, Equatable {
    /// The models' AHP judgements.
    case ahp
    /// Objective weights from the round's data.
    case objective(ObjectiveMethod, EntropyNormalization)
    /// AHP and objective weights combined.
    case combined(ObjectiveMethod, EntropyNormalization, WeightCombination)

    /// The choice as the tables and `provenance.weighting` have always written it: "ahp", "critic(minmax)",
    /// "ahp+entropy(minmax) linear α=0.5", "ahp×critic(sum) multiplicative".
    public var label: String {
        switch self {
        case .ahp: return "ahp"
        case let .objective(method, normalization): return "\(method.rawValue)(\(normalization.rawValue))"
        case let .combined(method, normalization, rule):
            switch rule {
            case let .linear(alpha): return "ahp+\(method.rawValue)(\(normalization.rawValue)) linear α=\(alpha)"
            case .multiplicative: return "ahp×\(method.rawValue)(\(normalization.rawValue)) multiplicative"
            }
        }
    }
}

/// How grades are read from a facility's membership vector.
public enum GradeRule: String, Codable, Sendable, CaseIterable {
    /// The risk score B·v, graded by the model's bands.
    case score
    /// The grade of maximum membership.
    case membership
}


/// Everything that shapes a grading run; recorded in its provenance.
public struct GradingOptions: Sendable, Equatable {
    public var riTable: RandomIndexTable = .chinese
    public var ahpMethod: AHPMethod = .eigenvector
    public var weighting: WeightingChoice = .ahp
    public var fuzzyOperator: FuzzyOperator = .weightedAverage
    public var gradeRule: GradeRule = .score
    public var evaluation: EvaluationMethod = .fuzzy
    /// The day whose rules apply (YYYY-MM-DD), overriding the round's `assessedOn` (`--as-of`).
    public var asOf: String?

    public init() {}
}
