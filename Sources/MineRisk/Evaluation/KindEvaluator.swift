/// The AHP weights of a two-level hierarchy: each criterion's, and each indicator's within its criterion.
public struct AHPHierarchyWeights: Sendable {
    public let criteria: [Double]
    public let local: [[Double]]

    public init(criteria: [Double], local: [[Double]]) {
        self.criteria = criteria
        self.local = local
    }
}

/// The batch evaluation of one kind's complete facilities.
public struct KindEvaluation: Sendable {
    /// Normalised memberships, (n·4) flattened; nil for the weighted sum, which has none.
    public var memberships: [Double]?
    /// Risk scores B·v.
    public var scores: [Double]
    /// The criterion layer of each facility.
    public var criteria: [[CriterionResult]]
}

/// Evaluates a kind's complete facilities with its model: fuzzy comprehensive evaluation or the weighted sum
/// (DOMAIN §4), and each facility's criterion layer.
public struct KindEvaluator: Sendable {
    public let model: IndicatorModel
    public let method: EvaluationMethod
    public let fuzzyOperator: FuzzyOperator
    /// The AHP hierarchy for the two-level evaluation of the non-linear operators; nil (objective or combined
    /// weights, which have no criterion level) evaluates one level with the global weights.
    public let hierarchy: AHPHierarchyWeights?

    public init(model: IndicatorModel, method: EvaluationMethod, fuzzyOperator: FuzzyOperator, hierarchy: AHPHierarchyWeights?) {
        self.model = model
        self.method = method
        self.fuzzyOperator = fuzzyOperator
        self.hierarchy = hierarchy
    }

    /// B = w ∘ R for every complete facility of a kind, then the score B·v. The default operator is
    /// linear, so the whole batch is one DGEMV of the (n·4) × m membership matrix with the weights.
    /// The other operators evaluate the model's two levels with the AHP weights; with objective or
    /// combined weights (which have no criterion level) they evaluate one level with the global weights.
    public func evaluate(_ aggregated: AggregatedAssessments, rows: [Int], weights: [Double]) -> KindEvaluation {
        let r = aggregated.membershipMatrix(rows)
        let v = model.grading.gradeValues
        let criteria = criterionResults(r, count: rows.count, weights: weights)
        if method == .weightedSum {
            let scores = indicatorScores(r, count: rows.count, gradeValues: v).multiplied(by: weights)
            return KindEvaluation(memberships: nil, scores: scores, criteria: criteria)
        }
        var b: [Double]
        if fuzzyOperator == .weightedAverage {
            b = r.multiplied(by: weights)
        } else if let hierarchy {
            b = twoLevel(r, count: rows.count, hierarchy: hierarchy)
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
    func criterionResults(_ r: Matrix, count: Int, weights: [Double]) -> [[CriterionResult]] {
        let v = model.grading.gradeValues
        let op: FuzzyOperator = method == .weightedSum ? .weightedAverage : fuzzyOperator
        // Each criterion's indicators, their total weight and their weights renormalised within it.
        let spans = model.criteria.items.reduce(into: [(criterion: Criterion, offset: Int, weight: Double, local: [Double])]()) { spans, criterion in
            let offset = spans.last.map { $0.offset + $0.local.count } ?? 0
            let k = criterion.indicators.count
            let weight = weights[offset..<(offset + k)].reduce(0, +)
            spans.append((criterion, offset, weight, (offset..<(offset + k)).map { weight > 0 ? weights[$0] / weight : 1 / Double(k) }))
        }
        let m = r.columns
        // The spans as plain arrays, read by both threads without copying a span (its criterion and weights) per facility;
        // the renormalised weights one after another, each criterion's from its offset.
        let offsets = spans.map(\.offset), sizes = spans.map(\.local.count), spanWeights = spans.map(\.weight)
        let ids = spans.map(\.criterion.id), names = spans.map(\.criterion.name.zh)
        let localWeights = spans.flatMap(\.local)
        let block = 1024
        return [[CriterionResult]](unsafeUninitializedCapacity: count) { out, initialized in
            r.storage.withUnsafeBufferPointer { storage in
                localWeights.withUnsafeBufferPointer { local in
                    // Blocks of facilities side by side; each result is written once, at its own index.
                    try? ParallelTasks(threads: nil).run((count + block - 1) / block) { part in
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4) { b in
                            for i in (part * block)..<min(count, (part + 1) * block) {
                                var facility: [CriterionResult] = []
                                facility.reserveCapacity(offsets.count)
                                for c in offsets.indices {
                                    // R's rows i·4 … i·4+3 hold facility i's memberships, one column per indicator.
                                    fuzzyCombine(weights: UnsafeBufferPointer(rebasing: local[offsets[c]..<(offsets[c] + sizes[c])]),
                                                 memberships: storage.baseAddress! + i * 4 * m + offsets[c],
                                                 rowStride: 1, gradeStride: m, operator: op, into: b)
                                    // Normalised as fuzzyEvaluate does, then once more to the criterion's membership.
                                    for _ in 0..<2 {
                                        var sum = 0.0
                                        for g in 0..<4 { sum += b[g] }
                                        if sum > 0 { for g in 0..<4 { b[g] /= sum } }
                                    }
                                    var score = 0.0
                                    for g in 0..<4 { score += b[g] * v[g] }
                                    facility.append(CriterionResult(id: ids[c], nameZh: names[c], weight: spanWeights[c],
                                                                    membership: [b[0], b[1], b[2], b[3]], score: score))
                                }
                                (out.baseAddress! + i).initialize(to: facility)
                            }
                        }
                    }
                }
            }
            initialized = count
        }
    }
}
