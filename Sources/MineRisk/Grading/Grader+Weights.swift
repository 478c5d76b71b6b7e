extension Grader {
    /// Indicator weights of a kind: the model's AHP weights, objective weights from the complete
    /// facilities' values, or both combined, as the options say.
    func indicatorWeights(_ loaded: LoadedModel, ahp modelWeights: ModelWeights, aggregated: AggregatedAssessments, complete: [Int]) throws -> [Double] {
        let ahp = modelWeights.global
        switch options.weighting {
        case .ahp:
            return ahp
        case let .objective(method, normalization):
            return try objective(method, normalization, aggregated, complete, kind: loaded.model.kind)
        case let .combined(method, normalization, rule):
            let objective = try objective(method, normalization, aggregated, complete, kind: loaded.model.kind)
            return combineWeights(subjective: ahp, objective: objective, by: rule)
        }
    }

    func objective(_ method: ObjectiveMethod, _ normalization: EntropyNormalization, _ aggregated: AggregatedAssessments,
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
