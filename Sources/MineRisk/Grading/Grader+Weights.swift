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

    /// Orders the graded facilities of each grade for inspection: TOPSIS closeness to the riskiest profile.
    func assignInspectionPriority(_ results: inout [FacilityResult?], members: [Int], aggregated: AggregatedAssessments,
                                  complete: [Int], weights: [Double]) throws {
        let m = aggregated.indicators.count
        // Riskier is "better" here: risk indicators are benefits, safety indicators costs.
        let types = aggregated.indicators.map { $0.direction == .risk || $0.scale == .level ? CriterionType.benefit : .cost }
        for grade in RiskGrade.allCases {
            let group = complete.filter { results[members[$0]]!.grade == grade }
            guard !group.isEmpty else { continue }
            if group.count == 1 {
                results[members[group[0]]]!.inspectionPriority = 1
                continue
            }
            var x = Matrix(rows: group.count, columns: m)
            for (row, i) in group.enumerated() { for j in 0..<m { x[row, j] = aggregated.values[i * m + j] } }
            let ranking = try topsis(x, weights: weights, types: types, normalization: .minmax)
            for (row, i) in group.enumerated() { results[members[i]]!.inspectionPriority = ranking.rank[row] }
        }
    }
}
