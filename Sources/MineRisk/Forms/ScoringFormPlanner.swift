/// Decides who is asked for which facility and indicator pair, and makes the forms.
///
/// A facility's panel is the experts with at least one value for it in the round. Each panel member's form lists
/// the facility's pairs that nobody has a value for (all of the facility's pairs without `onlyMissing`, the
/// member's own values shown and locked). A facility with no value from anybody has no panel yet: its pairs go
/// to the experts of its field, those on the panel of another facility of the same kind (every expert when no
/// facility of the kind has one).
public struct ScoringFormPlanner {
    public let dataset: Dataset
    public let models: ModelSet
    /// Per facility (dataset order): expert index → indicator position → value.
    private var values: [[Int: [Int: Double]]]
    /// Per kind: the experts with a value for some facility of the kind.
    private var field: [FacilityKind: [Int]]

    public init(dataset: Dataset, models: ModelSet) {
        self.dataset = dataset
        self.models = models
        var values = [[Int: [Int: Double]]](repeating: [:], count: dataset.facilities.count)
        let table = dataset.assessments
        for i in 0..<table.count {
            values[Int(table.facility[i])][Int(table.expert[i]), default: [:]][Int(table.indicator[i])] = table.value[i]
        }
        self.values = values
        var field: [FacilityKind: Set<Int>] = [:]
        for (f, facility) in dataset.facilities.enumerated() { field[facility.kind, default: []].formUnion(values[f].keys) }
        self.field = field.mapValues { $0.sorted() }
    }

    /// The experts (dataset indices) asked about a facility: its panel, else the experts of its field.
    public func panel(of f: Int) -> [Int] {
        let own = values[f].keys.sorted()
        if !own.isEmpty { return own }
        let experts = field[dataset.facilities[f].kind] ?? []
        return experts.isEmpty ? Array(dataset.experts.indices) : experts
    }

    /// Indicator positions of a facility's model that no expert has a value for.
    public func missing(of f: Int) -> [Int] {
        guard let model = models[dataset.facilities[f].kind]?.model else { return [] }
        let answered = Set(values[f].values.flatMap(\.keys))
        return model.indicators.indices.filter { !answered.contains($0) }
    }

    /// The form of one expert (dataset index); nil when it would have no line.
    public func form(expert e: Int, onlyMissing: Bool) -> ScoringForm? {
        var sections: [FacilityKind: [ScoringForm.Line]] = [:]
        for (f, facility) in dataset.facilities.enumerated() {
            guard let model = models[facility.kind]?.model else { continue }
            let missing = Set(self.missing(of: f))
            if onlyMissing && missing.isEmpty { continue }
            guard panel(of: f).contains(e) else { continue }
            for (j, indicator) in model.indicators.enumerated() where !onlyMissing || missing.contains(j) {
                sections[facility.kind, default: []].append(
                    ScoringForm.Line(facility: facility, indicator: indicator, recorded: values[f][e]?[j], missing: missing.contains(j)))
            }
        }
        guard !sections.isEmpty else { return nil }
        return ScoringForm(expert: dataset.experts[e], onlyMissing: onlyMissing, source: dataset.directory,
                           sections: sections.keys.sorted().map { ScoringForm.Section(kind: $0, lines: sections[$0]!) })
    }

    /// The forms of the given experts (all when nil), in experts.csv order; experts with nothing to fill have none.
    public func forms(experts ids: [String]?, onlyMissing: Bool) throws -> [ScoringForm] {
        let chosen: [Int]
        if let ids {
            chosen = try ids.map { id in
                guard let e = dataset.experts.firstIndex(where: { $0.id == id }) else {
                    throw MineRiskError.usage("--expert \(id): no such expert in experts.csv; the experts are \(dataset.experts.map(\.id).joined(separator: ", "))")
                }
                return e
            }
        } else {
            chosen = Array(dataset.experts.indices)
        }
        return chosen.compactMap { form(expert: $0, onlyMissing: onlyMissing) }
    }
}
