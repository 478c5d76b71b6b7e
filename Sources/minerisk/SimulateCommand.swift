import ArgumentParser
import Foundation
import MineRisk

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Grade confidence by Monte Carlo: how often each facility keeps its grade when the judgements move.",
        discussion: """
        Each sample moves every AHP judgement on the log scale (ln a_ij + σ·N(0,1), a_ji = 1/a_ij) and \
        re-solves the weights, moves the objective weights (under --weighting entropy/critic/stddev/combined), \
        and resamples the expert panel with replacement (one panel per --panel-group samples); then grades \
        every complete facility again. A vetoed facility is major in every sample; an incomplete one is listed, \
        not simulated. The same --seed gives the same output, byte for byte, whatever --threads.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var grading: GradingOptionGroup

    @Option(name: .long, help: "Number of samples.")
    var samples: Int = 1000

    enum Wording: OptionWording { static let seed = "Seed of the random streams (default 1; the same seed gives the same output)." }
    @OptionGroup var seedOption: SeedOption<Wording>
    var seed: UInt64 { seedOption.value }

    @Option(name: .long, help: "Standard deviation added to ln a_ij of every AHP judgement.")
    var judgementSigma: Double = 0.2

    @Option(name: .long, help: "Standard deviation of the log-normal factor on each objective weight.")
    var objectiveSigma: Double = 0.1

    @Flag(name: .long, inversion: .prefixedNo, help: "Resample the expert panel (bootstrap).")
    var bootstrap = true

    @Option(name: .long, help: "Samples that share one resampled panel.")
    var panelGroup: Int = 100

    @Option(name: .long, help: "Indicators listed per facility whose weights move its grade most.")
    var sensitivity: Int = 3

    @Option(name: .long, help: "Worker threads (default: one per processor); never changes the result.")
    var threads: Int?

    @Flag(name: .long, help: "Print the seconds of each stage and the products' GFLOP/s on stderr, as JSON.")
    var timings = false

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let problem = simulationOptions.problems.first { throw ValidationError(problem) }
    }

    var simulationOptions: SimulationOptions {
        var options = SimulationOptions()
        options.samples = samples
        options.seed = seed
        options.judgementSigma = judgementSigma
        options.objectiveSigma = objectiveSigma
        options.bootstrapPanel = bootstrap
        options.panelGroup = panelGroup
        options.sensitivityCount = sensitivity
        options.threads = threads
        return options
    }

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: SimulationReport.self)
            try outputOptions.checkDestination(format: format)
            var stages = StageTimings()
            let (models, lists) = try stages.measure("models") { try dataOptions.loadModelsAndLists() }
            let data = try stages.measure("read") { try dataOptions.loadData(models: models, lists: lists) }
            let options = try grading.options()
            let base = try Grader(models: models, options: options).grade(data, timings: &stages)
            var bar = ProgressBar(label: "simulate", unit: "samples")
            let (report, statistics) = try Simulator(models: models, grading: options, options: simulationOptions)
                .run(data, base: base) { done, total in bar.update(done, of: total) }
            bar.finish()
            stages.add("simulate", statistics.seconds)
            try stages.measure("write") { try outputOptions.write(report, as: format) }
            if timings { try reportTimings(stages, statistics, facilities: data.facilities.count) }
        }
    }

    private func reportTimings(_ stages: StageTimings, _ statistics: SimulationStatistics, facilities: Int) throws {
        struct Timings: Encodable {
            let facilities: Int
            let samples: Int
            let threads: Int
            let stages: StageTimings
            /// Flops of the kernel's products (B = R·W, and the sensitivities' r·M and M = W·ΔWᵀ).
            let productFlops: Double
            /// Seconds inside those products, summed over the threads.
            let productSeconds: Double
            /// The products' rate: flops ÷ productSeconds × threads (each thread's rate inside them, times the threads).
            let productGflops: Double
            /// The products' flops ÷ the whole Monte Carlo stage's wall-clock seconds (drawing, panels, grading included).
            let stageGflops: Double
            /// The rates of the score product B = R·W and of the sensitivities' products, each counted as productGflops.
            let scoreProductGflops: Double
            let sensitivityProductGflops: Double
            let blas: BLASInfo
        }
        let line = Timings(facilities: facilities, samples: samples, threads: statistics.threads, stages: stages,
                           productFlops: statistics.productFlops, productSeconds: statistics.productSeconds,
                           productGflops: statistics.productGflops, stageGflops: statistics.stageGflops,
                           scoreProductGflops: statistics.scoreProductGflops,
                           sensitivityProductGflops: statistics.sensitivityProductGflops, blas: .current)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(line)
        data.append(0x0A)
        FileHandle.standardError.write(data)
    }
}
