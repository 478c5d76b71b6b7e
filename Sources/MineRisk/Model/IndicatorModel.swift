/// A reference a model is built from.
public struct ModelSource: Codable, Sendable, Hashable {
    public var id: String
    public var cite: String
}

/// The version header every data file of the project carries.
public struct FormatHeader: Codable, Sendable, Hashable {
    public var kind: String
    public var version: Int
}

/// A two-level indicator model for one facility kind, as written in `Models/*.yaml`.
public struct IndicatorModel: Codable, Sendable, Hashable {
    public var format: FormatHeader
    public var kind: FacilityKind
    public var modelVersion: String
    public var name: BilingualName
    public var sources: [ModelSource]?
    public var grading: GradingRule
    public var criteria: CriteriaLevel
    public var vetoes: [VetoRule]

    /// Every indicator in criterion order.
    public var indicators: [Indicator] { criteria.items.flatMap(\.indicators) }
}
