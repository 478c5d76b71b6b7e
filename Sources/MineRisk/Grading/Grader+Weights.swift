extension Grader {
    /// Indicator weights of a kind: the model's AHP weights, objective weights from the complete
    /// facilities' values, or both combined, as the options say.
    func indicatorWeights(_ setup: KindSetup, ahp modelWeights: ModelWeights) throws -> [Double] {
        let ahp = modelWeights.global
        switch options.weighting {
        case .ahp:
            return ahp
        case .objective:
            return try weightsFromData(setup)!
        case let .combined(_, _, rule):
            return combineWeights(subjective: ahp, objective: try weightsFromData(setup)!, by: rule)
        }
    }

    /// The objective weights the options call for, from the kind's complete facilities; nil under `--weighting ahp`.
    public func weightsFromData(_ setup: KindSetup) throws -> [Double]? {
        switch options.weighting {
        case .ahp: return nil
        case let .objective(method, normalization), let .combined(method, normalization, _):
            return try objective(method, normalization, setup.aggregated, setup.complete, kind: setup.kind)
        }
    }

    private func objective(_ method: ObjectiveMethod, _ normalization: EntropyNormalization, _ aggregated: AggregatedAssessments,
                           _ complete: [Int], kind: FacilityKind) throws -> [Double] {
        let m = aggregated.indicators.count
        guard complete.count >= 2 else {
            throw MineRiskError.usage("objective weights for \(kind.rawValue) need at least two completely assessed facilities, found \(complete.count)")
        }
        var x = Matrix(rows: complete.count, columns: m)
        for (row, i) in complete.enumerated() { for j in 0..<m { x[row, j] = aggregated.values[i * m + j] } }
        // Risk-oriented indicators are costs (less is better); safety-oriented are benefits.
        let types = aggregated.indicators.map { $0.direction == .safety && $0.scale != .level ? CriterionType.benefit : .cost }
        return try objectiveWeights(x, types: types, method: method, normalization: normalization)
    }
}
