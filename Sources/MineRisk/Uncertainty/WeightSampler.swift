import Foundation

/// Draws the indicator weights of Monte Carlo samples for one model: each AHP judgement moved on the
/// log scale, the priorities re-solved in batches, objective weights moved the same way, then combined
/// as the grading options say.
struct WeightSampler {
    /// One pairwise matrix of the model: its order and the logarithms of its judgements (row-major).
    struct PairwiseMatrix {
        let order: Int
        let logJudgements: [Double]
    }

    let model: IndicatorModel
    /// Distinguishes this model's streams from the other models' in the same run.
    let streamIndex: UInt64
    let grading: GradingOptions
    let simulation: SimulationOptions
    /// The base objective weights (objective or combined weighting), nil under AHP weighting.
    let objective: [Double]?
    /// The criteria matrix first, then each criterion's matrix.
    let matrices: [PairwiseMatrix]
    /// For each indicator: its criterion and its position inside the criterion.
    let owner: [(criterion: Int, local: Int)]

    var indicatorCount: Int { owner.count }

    init(model: IndicatorModel, streamIndex: UInt64, grading: GradingOptions, simulation: SimulationOptions, objective: [Double]?) {
        self.model = model
        self.streamIndex = streamIndex
        self.grading = grading
        self.simulation = simulation
        self.objective = objective
        func pairwise(_ rows: [[Judgement]]) -> PairwiseMatrix {
            PairwiseMatrix(order: rows.count, logJudgements: rows.flatMap { $0.map { log($0.value) } })
        }
        matrices = [pairwise(model.criteria.matrix)] + model.criteria.items.map { pairwise($0.matrix) }
        owner = model.criteria.items.enumerated().flatMap { c, criterion in criterion.indicators.indices.map { (c, $0) } }
    }

    /// Whether the AHP judgements enter the weights at all.
    private var usesAHP: Bool {
        if case .objective = grading.weighting { return false }
        return true
    }

    /// Writes the weights of samples `first..<first+count` into columns 0..<count of an m-row matrix
    /// with row stride `stride`, and returns how many samples had a perturbed matrix with CR ≥ 0.10.
    func sample(first: Int, count: Int, into weights: UnsafeMutableBufferPointer<Double>, stride: Int) throws -> Int {
        let m = indicatorCount
        precondition(weights.count >= (m - 1) * stride + count, "weights buffer too small")
        var generators = (0..<count).map { SplitMix64(seed: simulation.seed, stream: .weights, streamIndex, UInt64(first + $0)) }
        var ahp = [Double](repeating: 0, count: m * count) // sample-major: count × m
        var inconsistent = [Bool](repeating: false, count: count)
        if usesAHP {
            var priorities: [[Double]] = []
            for matrix in matrices {
                let n = matrix.order
                var batch = [Double](repeating: 1, count: count * n * n)
                for b in 0..<count {
                    for i in 0..<n {
                        for j in (i + 1)..<n {
                            let judged = exp(matrix.logJudgements[i * n + j] + simulation.judgementSigma * generators[b].nextNormal())
                            batch[b * n * n + i * n + j] = judged
                            batch[b * n * n + j * n + i] = 1 / judged
                        }
                    }
                }
                var w = [Double](repeating: 0, count: count * n)
                var lambdas = [Double](repeating: 0, count: count)
                try batch.withUnsafeBufferPointer { a in
                    try w.withUnsafeMutableBufferPointer { wp in
                        try lambdas.withUnsafeMutableBufferPointer { lp in
                            try PerronBatch(order: n, method: grading.ahpMethod).solve(a, count: count, weights: wp, lambdas: lp)
                        }
                    }
                }
                // Saaty: CI = (λmax − n)/(n − 1), CR = CI/RI; n ≤ 2 is consistent by construction.
                // CR_total (DOMAIN §3) is a mean of the indicator matrices' CR weighted by a_j·RI_j, so a sample
                // with CR_total ≥ 0.10 has some matrix with CR ≥ 0.10 and is counted here already.
                if n > 2, let ri = grading.riTable.value(forOrder: n) {
                    for b in 0..<count where (lambdas[b] - Double(n)) / Double(n - 1) / ri >= consistencyThreshold { inconsistent[b] = true }
                }
                priorities.append(w)
            }
            let criteriaCount = matrices[0].order
            for b in 0..<count {
                for (j, place) in owner.enumerated() {
                    let n = matrices[place.criterion + 1].order
                    ahp[b * m + j] = priorities[0][b * criteriaCount + place.criterion] * priorities[place.criterion + 1][b * n + place.local]
                }
            }
        }
        for b in 0..<count {
            var w = Array(ahp[(b * m)..<((b + 1) * m)])
            if let objective {
                var moved = objective.map { $0 * exp(simulation.objectiveSigma * generators[b].nextNormal()) }
                let sum = moved.reduce(0, +)
                moved = moved.map { $0 / sum }
                switch grading.weighting {
                case .ahp: break
                case .objective: w = moved
                case let .combined(_, _, rule): w = combineWeights(subjective: w, objective: moved, by: rule)
                }
            }
            let sum = w.reduce(0, +)
            for j in 0..<m { weights[j * stride + b] = w[j] / sum }
        }
        return inconsistent.filter { $0 }.count
    }
}
