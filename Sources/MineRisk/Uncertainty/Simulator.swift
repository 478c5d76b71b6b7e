import Foundation

/// What a Monte Carlo run cost, for benchmarks: never part of its result.
public struct SimulationStatistics: Sendable {
    /// Floating-point operations of the matrix products.
    public var productFlops = 0.0
    /// Seconds spent inside the products (the DGEMMs), summed over the threads that ran them.
    public var productSeconds = 0.0
    /// Wall-clock seconds of the whole Monte Carlo stage (weights, panels, products, tallies).
    public var seconds = 0.0
    /// Threads that ran the products side by side.
    public var threads = 1
    /// The part of `productFlops` and `productSeconds` that serves the sensitivities (the moments M = W·ΔWᵀ
    /// per group and the r·M per tile; see `MonteCarloKernel`).
    public var sensitivityFlops = 0.0
    public var sensitivitySeconds = 0.0

    /// GFLOP/s of the kernel's products: flops per second inside them on one thread, times the threads.
    public var productGflops: Double { productSeconds > 0 ? productFlops / productSeconds * Double(threads) / 1e9 : 0 }
    /// GFLOP/s of the products over the whole stage's wall-clock time.
    public var stageGflops: Double { seconds > 0 ? productFlops / seconds / 1e9 : 0 }
    /// GFLOP/s of the score product B = R·W alone, and of the sensitivities' products alone, counted as `productGflops`.
    public var scoreProductGflops: Double { rate(productFlops - sensitivityFlops, productSeconds - sensitivitySeconds) }
    public var sensitivityProductGflops: Double { rate(sensitivityFlops, sensitivitySeconds) }

    private func rate(_ flops: Double, _ seconds: Double) -> Double { seconds > 0 ? flops / seconds * Double(threads) / 1e9 : 0 }
}

/// Grade confidence by Monte Carlo: the grading run's data and models, with the AHP judgements, the
/// objective weights and the expert panel perturbed in every sample (MineRisk.docc/MonteCarlo.md).
public struct Simulator {
    public let models: ModelSet
    public let grading: GradingOptions
    public let options: SimulationOptions

    public init(models: ModelSet, grading: GradingOptions = GradingOptions(), options: SimulationOptions = SimulationOptions()) {
        self.models = models
        self.grading = grading
        self.options = options
    }

    /// Simulates every complete facility of a graded dataset.
    /// - Parameters:
    ///   - data: the dataset `base` was graded from.
    ///   - base: the grading run with the same models and options.
    ///   - progress: called on the calling thread with (samples done, samples) after each chunk.
    public func simulate(_ data: Dataset, base: GradeReport, progress: ((Int, Int) -> Void)? = nil) throws -> SimulationReport {
        try run(data, base: base, progress: progress).report
    }

    /// `simulate`, with what the run cost.
    public func run(_ data: Dataset, base: GradeReport, progress: ((Int, Int) -> Void)? = nil) throws
        -> (report: SimulationReport, statistics: SimulationStatistics) {
        if let problem = options.problems.first { throw MineRiskError.usage(problem) }
        guard grading.fuzzyOperator == .weightedAverage, grading.evaluation == .fuzzy else {
            throw MineRiskError.usage("simulate needs the weighted-average operator M(·,⊕), whose grades for all samples are one matrix product; found \(grading.fuzzyOperator.rawValue) \(grading.fuzzyOperator.notation)")
        }
        let started = Date()
        let tasks = ParallelTasks(threads: options.threads)
        let chunkCapacity = options.panelGroup * options.groupsPerChunk
        let plans = try makePlans(data, base: base, chunkCapacity: chunkCapacity)
        let expertWeights = data.experts.map(\.weight)
        var cost = KernelCost(), productThreads = 1
        try withSingleThreadedBLAS {
            var done = 0
            while done < options.samples {
                let count = min(chunkCapacity, options.samples - done)
                let groups = panelGroups(first: done, count: count, expertWeights: expertWeights)
                cost += try drawWeights(plans, first: done, count: count, tasks: tasks)
                let work = plans.indices.flatMap { p in
                    stride(from: 0, to: plans[p].rows, by: options.tileFacilities).map { (p, $0..<min($0 + options.tileFacilities, plans[p].rows)) }
                }
                productThreads = max(productThreads, min(tasks.threads, work.count))
                var costs = [KernelCost](repeating: KernelCost(), count: work.count)
                try costs.withUnsafeMutableBufferPointer { out in
                    try tasks.run(work.count) { index in
                        let (p, tile) = work[index]
                        out[index] = MonteCarloKernel(plan: plans[p]).run(tile: tile, groups: groups)
                    }
                }
                for part in costs { cost += part }
                done += count
                progress?(done, options.samples)
            }
        }
        let report = SimulationReport(data: data, base: base, plans: plans, options: options, grading: grading, models: models)
        let statistics = SimulationStatistics(productFlops: cost.flops, productSeconds: cost.productSeconds,
                                             seconds: Date().timeIntervalSince(started), threads: productThreads,
                                             sensitivityFlops: cost.sensitivityFlops, sensitivitySeconds: cost.sensitivitySeconds)
        return (report, statistics)
    }

    /// The panel groups of a chunk; each resampled panel is drawn from its own stream (seed, group).
    private func panelGroups(first: Int, count: Int, expertWeights: [Double]) -> [PanelGroup] {
        stride(from: 0, to: count, by: options.panelGroup).map { offset in
            let size = min(options.panelGroup, count - offset)
            guard options.bootstrapPanel else { return PanelGroup(offset: offset, count: size, expertWeights: nil) }
            let group = (first + offset) / options.panelGroup
            var generator = SplitMix64(seed: options.seed, stream: .panel, UInt64(group))
            var multiplicity = [Double](repeating: 0, count: expertWeights.count)
            for _ in expertWeights.indices { multiplicity[generator.nextInt(below: expertWeights.count)] += 1 }
            return PanelGroup(offset: offset, count: size, expertWeights: zip(expertWeights, multiplicity).map(*))
        }
    }

    /// Draws the weights of samples first..<first+count for every kind, a panel group per task.
    /// Returns the cost of the products that prepare the sensitivities' moments.
    private func drawWeights(_ plans: [KindPlan], first: Int, count: Int, tasks: ParallelTasks) throws -> KernelCost {
        let batches = plans.indices.flatMap { p in stride(from: 0, to: count, by: options.panelGroup).map { (p, $0) } }
        var inconsistent = [Int](repeating: 0, count: batches.count)
        try inconsistent.withUnsafeMutableBufferPointer { out in
            try tasks.run(batches.count) { index in
                let (p, offset) = batches[index]
                let plan = plans[p]
                let size = min(options.panelGroup, count - offset)
                let columns = UnsafeMutableBufferPointer(rebasing: plan.chunkWeights[offset...])
                out[index] = try plan.sampler.sample(first: first + offset, count: size, into: columns, stride: plan.chunkCapacity)
            }
        }
        for (index, (p, _)) in batches.enumerated() { plans[p].inconsistentSamples += inconsistent[index] }
        var cost = KernelCost()
        for plan in plans { cost += plan.recordChunkWeights(count: count) }
        return cost
    }

    /// One plan per kind that has facilities to simulate, in the grader's kind order, from the grader's set-up of
    /// the kind; each facility's base result is found in `base` by its id.
    private func makePlans(_ data: Dataset, base: GradeReport, chunkCapacity: Int) throws -> [KindPlan] {
        let grader = Grader(models: models, options: grading)
        var baseResults: [String: FacilityResult] = [:]
        for result in base.facilities where baseResults[result.id] == nil { baseResults[result.id] = result }
        var plans: [KindPlan] = []
        for (kindIndex, kind) in FacilityKind.allCases.enumerated() {
            guard let setup = grader.setUp(kind, data) else { continue }
            let model = setup.loaded.model
            let results = try setup.members.map { f -> FacilityResult in
                let id = data.facilities[f].id
                guard let result = baseResults[id] else {
                    throw MineRiskError.usage("the grading run to simulate has no result for facility \(id) of \(data.directory): simulate the run of the same data")
                }
                return result
            }
            // A veto or a 危库/险库 safety degree grades major in every sample: only score-graded facilities move.
            let simulated = setup.complete.filter { [.score, .membership].contains(results[$0].gradedBy) }
            guard let weightsByID = base.weights[kind.rawValue] else { continue }
            let baseWeights = model.indicators.map { weightsByID[$0.id] ?? 0 }
            let sampler = WeightSampler(model: model, streamIndex: UInt64(kindIndex), grading: grading,
                                        simulation: options, objective: try grader.weightsFromData(setup))
            let facilities = simulated.map { setup.members[$0] }
            let cells = options.bootstrapPanel
                ? PanelCells(table: data.assessments, facilities: facilities, indicatorCount: model.indicators.count,
                             facilityCount: data.facilities.count)
                : nil
            plans.append(KindPlan(
                kind: kind, sampler: sampler, model: model, facilities: facilities,
                baseMemberships: setup.aggregated.membershipMatrix(simulated).storage, cells: cells,
                baseScores: simulated.map { results[$0].score ?? 0 }, baseWeights: baseWeights,
                rule: grading.gradeRule, chunkCapacity: chunkCapacity, panelGroup: options.panelGroup))
        }
        return plans
    }
}
