/// The batch evaluation of one kind's complete facilities.
struct KindEvaluation {
    /// Normalised memberships, (n·4) flattened; nil for the weighted sum, which has none.
    var memberships: [Double]?
    /// Risk scores B·v.
    var scores: [Double]
    /// The criterion layer of each facility.
    var criteria: [[CriterionResult]]
}

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

    /// B = w ∘ R for every complete facility of a kind, then the score B·v. The default operator is
    /// linear, so the whole batch is one DGEMV of the (n·4) × m membership matrix with the weights.
    /// The other operators evaluate the model's two levels with the AHP weights; with objective or
    /// combined weights (which have no criterion level) they evaluate one level with the global weights.
    func evaluate(_ aggregated: AggregatedAssessments, rows: [Int], weights: [Double], ahp: ModelWeights, model: IndicatorModel) -> KindEvaluation {
        let r = aggregated.membershipMatrix(rows)
        let v = model.grading.gradeValues
        let criteria = criterionResults(r, count: rows.count, weights: weights, model: model)
        if options.evaluation == .weightedSum {
            let scores = indicatorScores(r, count: rows.count, gradeValues: v).multiplied(by: weights)
            return KindEvaluation(memberships: nil, scores: scores, criteria: criteria)
        }
        var b: [Double]
        if options.fuzzyOperator == .weightedAverage {
            b = r.multiplied(by: weights)
        } else if options.weighting == .ahp {
            b = twoLevel(r, count: rows.count, model: model, weights: ahp)
        } else {
            b = oneLevel(r, count: rows.count, weights: weights)
        }
        var scores = [Double](repeating: 0, count: rows.count)
        for i in 0..<rows.count {
            let sum = b[i * 4] + b[i * 4 + 1] + b[i * 4 + 2] + b[i * 4 + 3]
            if sum > 0 { for k in 0..<4 { b[i * 4 + k] /= sum } }
            scores[i] = (0..<4).map { b[i * 4 + $0] * v[$0] }.reduce(0, +)
        }
        return KindEvaluation(memberships: b, scores: scores, criteria: criteria)
    }

    /// The criterion layer (准则层) of every facility: a criterion's weight is the sum of its indicators' weights,
    /// its membership the operator applied to its indicators with their weights renormalised within it (the
    /// first step of the two-level evaluation, DOMAIN §4), its score that membership times the grade values.
    func criterionResults(_ r: Matrix, count: Int, weights: [Double], model: IndicatorModel) -> [[CriterionResult]] {
        let v = model.grading.gradeValues
        let op: FuzzyOperator = options.evaluation == .weightedSum ? .weightedAverage : options.fuzzyOperator
        var spans: [(criterion: Criterion, offset: Int, weight: Double)] = []
        var offset = 0
        for criterion in model.criteria.items {
            let k = criterion.indicators.count
            spans.append((criterion, offset, weights[offset..<(offset + k)].reduce(0, +)))
            offset += k
        }
        return (0..<count).map { i in
            spans.map { span in
                let k = span.criterion.indicators.count
                let local = (span.offset..<(span.offset + k)).map { span.weight > 0 ? weights[$0] / span.weight : 1 / Double(k) }
                var rows: [Double] = []
                rows.reserveCapacity(4 * k)
                for j in span.offset..<(span.offset + k) { for g in 0..<4 { rows.append(r[i * 4 + g, j]) } }
                var b = fuzzyEvaluate(weights: local, memberships: rows, operator: op)
                let sum = b.reduce(0, +)
                if sum > 0 { b = b.map { $0 / sum } }
                return CriterionResult(id: span.criterion.id, nameZh: span.criterion.name.zh, weight: span.weight, membership: b,
                                       score: zip(b, v).map(*).reduce(0, +))
            }
        }
    }

    /// The two-level evaluation for the non-linear operators: each criterion from its indicators with
    /// local weights, then the facility from its criteria with the criterion weights.
    private func twoLevel(_ r: Matrix, count: Int, model: IndicatorModel, weights: ModelWeights) -> [Double] {
        var b = [Double](repeating: 0, count: count * 4)
        for i in 0..<count {
            var criteriaRows: [Double] = []
            var offset = 0
            for (c, criterion) in model.criteria.items.enumerated() {
                var rows: [Double] = []
                for j in offset..<(offset + criterion.indicators.count) { for k in 0..<4 { rows.append(r[i * 4 + k, j]) } }
                criteriaRows += fuzzyEvaluate(weights: weights.local[c].weights, memberships: rows, operator: options.fuzzyOperator)
                offset += criterion.indicators.count
            }
            let result = fuzzyEvaluate(weights: weights.criteria.weights, memberships: criteriaRows, operator: options.fuzzyOperator)
            for k in 0..<4 { b[i * 4 + k] = result[k] }
        }
        return b
    }

    private func oneLevel(_ r: Matrix, count: Int, weights: [Double]) -> [Double] {
        var b = [Double](repeating: 0, count: count * 4)
        for i in 0..<count {
            var rows: [Double] = []
            for j in 0..<weights.count { for k in 0..<4 { rows.append(r[i * 4 + k, j]) } }
            let result = fuzzyEvaluate(weights: weights, memberships: rows, operator: options.fuzzyOperator)
            for k in 0..<4 { b[i * 4 + k] = result[k] }
        }
        return b
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
