import ArgumentParser
import Foundation
import MineRisk

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: the grade table and its charts, ready to print on A4.",
        discussion: """
        The file needs no network: styles and SVG charts are inline, and text uses the system's CJK fonts
        (Noto Sans CJK, WenQuanYi, …). Pass --output - to write to standard output.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var grading: GradingOptionGroup
    @OptionGroup(title: "Store") var storeOptions: GradeStoreOptions

    @Option(name: .long, help: "Run a Monte Carlo of this many samples (as `minerisk simulate`) and chart each facility's grade probabilities; 0 for none.")
    var samples: Int = 0

    enum Wording: OptionWording { static let seed = "Seed of the Monte Carlo (default 1)." }
    @OptionGroup var seedOption: SeedOption<Wording>
    var seed: UInt64 { seedOption.value }

    func validate() throws {
        guard samples >= 0 else { throw ValidationError("--samples must be 0 or more, found \(samples)") }
    }

    @Option(name: .shortAndLong, help: "The HTML file to write (atomically); - for standard output.")
    var output: String = "report.html"

    @Flag(name: .long, help: "Require the early-warnings section (added anyway when the data folder, or the stored --round, has monitoring).")
    var warnings = false

    @Option(name: .long, help: ArgumentHelp("Coal scenario drawn as capacity before and after (default: the register's recorded closures, when DATA/coal_mines.csv exists).", valueName: "file"))
    var scenario: String?

    func run() throws {
        try runReporting {
            let destination = output == "-" ? nil : output
            if let destination { try AtomicWriter.checkWritable(destination) }
            let models = try dataOptions.loadModels()
            let data = try storeOptions.loadData(models: models, dataOptions: dataOptions)
            let report = try Grader(models: models, options: try grading.options()).grade(data)
            try storeOptions.saveIfAsked(report)
            var document = HTMLReport(report: report, models: models)
            document.coalCapacity = try coalCapacity(grades: report)
            document.accidents = try accidents()
            document.hazards = hazardSummary(data, report: report)
            document.warnings = try warningsSection(models: models)
            if samples > 0 {
                var options = SimulationOptions()
                options.samples = samples
                options.seed = seed
                let simulation = try Simulator(models: models, grading: try grading.options(), options: options).simulate(data, base: report)
                document.gradeProbabilities = GradeProbabilities(
                    byFacility: Dictionary(uniqueKeysWithValues: simulation.facilities.map { ($0.id, $0.probabilities) }),
                    method: "\(samples) samples, seed \(seed): AHP judgements moved on the log scale (σ \(options.judgementSigma)), expert panel resampled; `minerisk simulate` gives the details")
            }
            let html = document.render()
            if let destination {
                try AtomicWriter.write(html, to: destination)
                FileHandle.standardError.write(Data("minerisk: report written to \(destination)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(html.utf8))
            }
        }
    }

    /// The chosen scenario on the round's coal register (stored, or in the data folder); nil when there is
    /// no register and no scenario.
    private func coalCapacity(grades report: GradeReport) throws -> CoalCapacityComparison? {
        let register: CoalRegister
        if let round = storeOptions.round {
            let store = try StoreFactory.open(storeOptions.path, access: .read)
            defer { try? store.close() }
            let mines = try store.coalMines(round: round)
            guard !mines.isEmpty || scenario != nil else { return nil }
            register = CoalRegister(file: "\(storeOptions.path), round \(round)", mines: mines.map {
                CoalMine(id: $0.id, name: $0.name, county: $0.county, capacityTpa: $0.capacityTpa,
                         status: CoalMineStatus(rawValue: $0.status) ?? .operating, closedYear: $0.closedYear, reason: $0.reason)
            })
        } else {
            let path = (dataOptions.data as NSString).appendingPathComponent("coal_mines.csv")
            guard scenario != nil || FileManager.default.fileExists(atPath: path) else { return nil }
            register = try CoalRegisterReader.read(path: path)
        }
        let chosen = try scenario.map(ScenarioLoader.load(path:)) ?? CoalScenario.recorded
        let grades = Dictionary(uniqueKeysWithValues: report.facilities.compactMap { f in f.grade.map { (f.id, $0) } })
        return try ScenarioEngine(register: register, grades: grades).run(chosen).capacityComparison
    }

    /// The ponds' warnings as of the last reading, with the series of the ponds at orange or red: of the stored round
    /// with --round, else of the data folder; nil when there is no monitoring (refused with --warnings).
    private func warningsSection(models: ModelSet) throws -> WarningsSection? {
        var store: (any RoundStore)?
        defer { try? store?.close() }
        let data: MonitoringData
        if let round = storeOptions.round {
            store = try StoreFactory.open(storeOptions.path, access: .read)
            guard let stored = try store!.monitoringStore().monitoringData(round: round) else {
                if warnings { throw MineRiskError.missingInput("\(storeOptions.path): round \(round) has no monitoring for --warnings") }
                return nil
            }
            data = stored
        } else {
            let folder = (dataOptions.data as NSString).appendingPathComponent("monitoring")
            guard warnings || FileManager.default.fileExists(atPath: folder) else { return nil }
            _ = try MonitoringSynthesizer.generateBundledReadingsIfMissing(directory: dataOptions.data, models: models)
            data = try MonitoringData.load(directory: dataOptions.data, models: models)
        }
        // The stored round's readings stream from the store while the engine and the sampler run: it stays open.
        let report = try WarningEngine(data: data).run()
        return WarningsSection(report: report, series: try SeriesSampler(data: data, report: report).sample())
    }

    /// Accidents and deaths by year: the stored round's, or accidents.csv in the data folder.
    private func accidents() throws -> [AccidentYear]? {
        if let round = storeOptions.round {
            let store = try StoreFactory.open(storeOptions.path, access: .read)
            defer { try? store.close() }
            return try store.accidents(round: round)
        }
        let path = (dataOptions.data as NSString).appendingPathComponent("accidents.csv")
        return FileManager.default.fileExists(atPath: path) ? try AccidentReader.read(path: path) : nil
    }
}
