/// One kind's facilities of a dataset with its model, their expert values combined, and which of them are
/// completely assessed: where the grader and the Monte Carlo both start for a kind.
public struct KindSetup: Sendable {
    public let kind: FacilityKind
    public let loaded: LoadedModel
    /// Dataset indices of the kind's facilities, in dataset order.
    public let members: [Int]
    public let aggregated: AggregatedAssessments
    /// Positions in `members` of the facilities with a value for every indicator of the model.
    public let complete: [Int]
}

extension Grader {
    /// The set-ups of every kind (in `FacilityKind.allCases` order, nil where `setUp` gives nil), made on all processors.
    func setUpAll(_ data: Dataset) -> [KindSetup?] {
        let kinds = FacilityKind.allCases
        var setups = [KindSetup?](repeating: nil, count: kinds.count)
        setups.withUnsafeMutableBufferPointer { out in
            // setUp does not throw, so neither does run.
            try? ParallelTasks(threads: nil).run(kinds.count) { k in out[k] = setUp(kinds[k], data) }
        }
        return setups
    }

    /// The set-up of a kind, nil when the dataset has no facility of it or the models have no model for it.
    public func setUp(_ kind: FacilityKind, _ data: Dataset) -> KindSetup? {
        let members = data.facilities.indices.filter { data.facilities[$0].kind == kind }
        guard !members.isEmpty, let loaded = models[kind] else { return nil }
        let aggregated = AggregatedAssessments(table: data.assessments, facilities: members, indicators: loaded.model.indicators,
                                               expertWeights: data.experts.map(\.weight), facilityCount: data.facilities.count)
        return KindSetup(kind: kind, loaded: loaded, members: members, aggregated: aggregated,
                         complete: members.indices.filter { aggregated.isComplete($0) })
    }
}
