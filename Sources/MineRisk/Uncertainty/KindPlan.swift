import Foundation

/// Everything a Monte Carlo run keeps for one facility kind: the facilities it simulates, their
/// base memberships, the weight sampler, the buffers of the current chunk of samples and the tallies.
final class KindPlan {
    let kind: FacilityKind
    let sampler: WeightSampler
    let indicators: [Indicator]
    /// Dataset indices of the simulated facilities (complete and not vetoed), in dataset order.
    let facilities: [Int]
    /// Base memberships, (rows·4) × m: 4 rows per facility (low … major), one column per indicator.
    let baseMemberships: [Double]
    /// The expert values, when the panel is resampled.
    let cells: PanelCells?
    let evaluations: [PanelCells.Evaluation]
    /// The grading run's scores and weights: samples are centred on them for the sensitivities.
    let baseScores: [Double]
    let baseWeights: [Double]
    let gradeValues: [Double]
    /// The upper ends of the low, general and significant bands.
    let bandTops: [Double]
    let rule: GradeRule

    var rows: Int { facilities.count }
    var indicatorCount: Int { indicators.count }

    /// Tallies per facility: grade counts (rows·4), Σd and Σd² of the score's departure d from its base
    /// score, and Σ d·Δw_j (rows·m) with Δw the departure of the weights from the base weights.
    let counts: UnsafeMutableBufferPointer<Int>
    let scoreSum: UnsafeMutableBufferPointer<Double>
    let scoreSquares: UnsafeMutableBufferPointer<Double>
    let cross: UnsafeMutableBufferPointer<Double>
    /// Σ Δw_j and Σ Δw_j² over the samples.
    var weightSum: [Double]
    var weightSquares: [Double]
    /// Samples in which a perturbed matrix had CR ≥ 0.10.
    var inconsistentSamples = 0

    /// The current chunk's weights (m × chunk) and their departures from the base weights.
    let chunkWeights: UnsafeMutableBufferPointer<Double>
    let chunkDepartures: UnsafeMutableBufferPointer<Double>
    let chunkCapacity: Int
    /// Per panel group of the chunk: M = Σₛ wₛ·Δwₛᵀ (m × m) and Σₛ Δwₛ (m), for the sensitivities.
    let groupMoments: UnsafeMutableBufferPointer<Double>
    let groupDepartureSums: UnsafeMutableBufferPointer<Double>
    let panelGroup: Int

    init(kind: FacilityKind, sampler: WeightSampler, model: IndicatorModel, facilities: [Int], baseMemberships: [Double],
         cells: PanelCells?, baseScores: [Double], baseWeights: [Double], rule: GradeRule, chunkCapacity: Int, panelGroup: Int) {
        self.kind = kind
        self.sampler = sampler
        indicators = model.indicators
        self.facilities = facilities
        self.baseMemberships = baseMemberships
        self.cells = cells
        evaluations = model.indicators.map {
            $0.scale == .level ? .votes : .function(MembershipFunction(edges: $0.edges!, direction: $0.direction))
        }
        self.baseScores = baseScores
        self.baseWeights = baseWeights
        gradeValues = model.grading.gradeValues
        bandTops = model.grading.bands.dropLast().map(\.to)
        self.rule = rule
        let n = facilities.count, m = model.indicators.count
        counts = .allocate(capacity: n * 4)
        counts.initialize(repeating: 0)
        scoreSum = .allocate(capacity: n)
        scoreSum.initialize(repeating: 0)
        scoreSquares = .allocate(capacity: n)
        scoreSquares.initialize(repeating: 0)
        cross = .allocate(capacity: n * m)
        cross.initialize(repeating: 0)
        weightSum = [Double](repeating: 0, count: m)
        weightSquares = [Double](repeating: 0, count: m)
        self.chunkCapacity = chunkCapacity
        chunkWeights = .allocate(capacity: m * chunkCapacity)
        chunkWeights.initialize(repeating: 0)
        chunkDepartures = .allocate(capacity: m * chunkCapacity)
        chunkDepartures.initialize(repeating: 0)
        self.panelGroup = panelGroup
        let groups = (chunkCapacity + panelGroup - 1) / panelGroup
        groupMoments = .allocate(capacity: groups * m * m)
        groupMoments.initialize(repeating: 0)
        groupDepartureSums = .allocate(capacity: groups * m)
        groupDepartureSums.initialize(repeating: 0)
    }

    deinit {
        counts.deallocate()
        scoreSum.deallocate()
        scoreSquares.deallocate()
        cross.deallocate()
        chunkWeights.deallocate()
        chunkDepartures.deallocate()
        groupMoments.deallocate()
        groupDepartureSums.deallocate()
    }

    /// Centres the chunk's weights on the base weights and adds them to the weight tallies, in sample
    /// order; then, per panel group, the moments the sensitivities need (see `MonteCarloKernel`).
    /// Returns the cost of the moments' products.
    func recordChunkWeights(count: Int) -> KernelCost {
        let m = indicatorCount
        for j in 0..<m {
            var groupSum = 0.0
            for s in 0..<count {
                let d = chunkWeights[j * chunkCapacity + s] - baseWeights[j]
                chunkDepartures[j * chunkCapacity + s] = d
                weightSum[j] += d
                weightSquares[j] += d * d
                groupSum += d
                if (s + 1) % panelGroup == 0 || s + 1 == count {
                    groupDepartureSums[s / panelGroup * m + j] = groupSum
                    groupSum = 0
                }
            }
        }
        var cost = KernelCost()
        for offset in stride(from: 0, to: count, by: panelGroup) {
            let p = min(panelGroup, count - offset)
            let start = DispatchTime.now().uptimeNanoseconds
            // M = W·ΔWᵀ over the group's samples: (m × p) by (p × m).
            multiply(UnsafePointer(chunkWeights.baseAddress! + offset), rows: m, inner: p, lda: chunkCapacity,
                     UnsafePointer(chunkDepartures.baseAddress! + offset), columns: m, ldb: chunkCapacity, transposedB: true,
                     into: groupMoments.baseAddress! + offset / panelGroup * m * m, ldc: m)
            cost.productSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            cost.flops += 2 * Double(m * m * p)
        }
        // These products serve only the sensitivities.
        cost.sensitivitySeconds = cost.productSeconds
        cost.sensitivityFlops = cost.flops
        return cost
    }
}
