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
    /// The official hazard lists the vetoes come from, each with the days it is in force; nil: one list always in force.
    public var vetoLists: [VetoList]?

    /// The vetoes in force on a day, and the list they come from (nil when the model has no dated lists).
    public func vetoes(on date: String) -> (rules: [VetoRule], list: VetoList?) {
        guard let lists = vetoLists, !lists.isEmpty else { return (vetoes, nil) }
        guard let list = lists.first(where: { $0.inForce(on: date) }) else { return ([], nil) }
        return (vetoes.filter { $0.lists?.contains(list.id) ?? true }, list)
    }

    /// Every indicator in criterion order.
    public var indicators: [Indicator] { criteria.items.flatMap(\.indicators) }
}
