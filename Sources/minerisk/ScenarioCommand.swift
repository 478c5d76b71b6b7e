import ArgumentParser
import Foundation
import MineRisk

extension GradeThreshold: ExpressibleByArgument {}

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What-if coal closures: mines, capacity and closure ratio, county by county and year by year.",
        usage: """
        minerisk scenario [FILE] [--close-at-or-below TPA] [--close-under TPA] [--close-grade major|significant] [--close ID,…] [--keep ID,…] [--year YEAR] [--format table|json|xlsx]
        minerisk scenario compare A.yaml B.yaml …
        """,
        discussion: """
        With no file and no flags, replays the closures recorded in the register (DATA/coal_mines.csv).
        A scenario file (format: {kind: coal-scenario, version: 2}) is documented in seeds/scenarios/README.md.
        """,
        subcommands: [RunScenario.self, CompareScenarios.self],
        defaultSubcommand: RunScenario.self
    )
}

/// Where the register is and how grades are made, shared by `run` and `compare`.
struct ScenarioInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Coal register CSV (default: DATA/coal_mines.csv).", valueName: "file"))
    var register: String?

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var grading: GradingOptionGroup

    func loadRegister() throws -> CoalRegister {
        try CoalRegisterReader.read(path: register ?? (dataOptions.data as NSString).appendingPathComponent("coal_mines.csv"))
    }

    /// Grades of the coal mines by `minerisk grade` on --data/--models, only when a scenario asks for them.
    func grades(for scenarios: [CoalScenario]) throws -> [String: RiskGrade]? {
        guard scenarios.contains(where: \.needsGrades) else { return nil }
        let models = try dataOptions.loadModels()
        let report = try Grader(models: models, options: try grading.options()).grade(try dataOptions.loadData(models: models))
        var grades: [String: RiskGrade] = [:]
        for facility in report.facilities where facility.kind == .coalMine {
            if let grade = facility.grade { grades[facility.id] = grade }
        }
        return grades
    }
}

struct RunScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one scenario (the default subcommand: `minerisk scenario [FILE]`).",
        discussion: "Flags add one step, in --year (default: the year after the scenario's last change), on top of the scenario or of the recorded state: mines already closed stay closed. --close-at-or-below N closes every operating mine of N t/yr or less (≤, 及以下: a mine exactly at N closes); --close-under N every mine of less than N (<, 以下(不含): a mine exactly at N stays); --close-grade major closes mines graded major, significant closes significant and major; --keep spares mines from every rule."
    )

    @Argument(help: "Scenario file (YAML). Without it: the recorded closures.") var file: String?
    @Option(name: .long, help: ArgumentHelp("Close every operating mine of this capacity (t/yr) or less: ≤, a mine exactly at it closes (及以下).", valueName: "tpa")) var closeAtOrBelow: Double?
    @Option(name: .long, help: ArgumentHelp("Close every operating mine of less than this capacity (t/yr): <, a mine exactly at it stays (以下(不含)).", valueName: "tpa")) var closeUnder: Double?
    /// Version 1's flag, refused: "below" did not say which side a mine exactly at the line is on.
    @Option(name: .long, help: .hidden) var closeBelow: String?
    @Option(name: .long, help: ArgumentHelp("Close mines graded major, or significant and above (grades from minerisk grade on --data/--models).", valueName: "grade")) var closeGrade: GradeThreshold?
    @Option(name: .long, help: ArgumentHelp("Close these mines (comma-separated ids).", valueName: "ids")) var close: String?
    @Option(name: .long, help: ArgumentHelp("Keep these mines open whatever the rules (comma-separated ids).", valueName: "ids")) var keep: String?
    @Option(name: .long, help: "The year the flags' step is taken in.") var year: Int?
    @Flag(name: .long, help: "Save the run (its definition and result) in the store given by --db.") var save = false
    @Option(name: .long, help: "The store to save the run in (default \(StoreFactory.defaultHelp)).") var db: String?
    @OptionGroup var inputs: ScenarioInputOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if closeBelow != nil {
            throw ValidationError("--close-below is no longer accepted: \"below\" does not say whether a mine exactly at the line closes. Use --close-at-or-below N (≤, 及以下: what --close-below did) or --close-under N (<, 以下(不含)).")
        }
    }

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: ScenarioResult.self)
            try outputOptions.checkDestination(format: format)
            let register = try inputs.loadRegister()
            var scenario = try file.map(ScenarioLoader.load(path:)) ?? CoalScenario.recorded
            try addFlags(to: &scenario, register: register)
            let result = try commandLineProblemsAreUsage {
                try ScenarioEngine(register: register, grades: try inputs.grades(for: [scenario])).run(scenario)
            }
            if save { try saveRun(result) }
            try outputOptions.write(result, as: format)
        }
    }

    /// Keeps the scenario's definition (its file's text and the flags) and its result in the store.
    private func saveRun(_ result: ScenarioResult) throws {
        var definition = try file.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? "recorded closures\n"
        let flags = CommandLine.arguments.dropFirst().filter { $0.hasPrefix("--close") || $0.hasPrefix("--keep") || $0.hasPrefix("--year") }
        if !flags.isEmpty { definition += "# flags: " + CommandLine.arguments.dropFirst().joined(separator: " ") + "\n" }
        let path = db ?? StoreFactory.defaultLocation
        let store = try StoreFactory.open(path, access: .write)
        defer { try? store.close() }
        let json = String(decoding: try encodeJSON(result), as: UTF8.self)
        let id = try store.saveScenarioRun(name: "\(result.scenario.name.zh) \(result.scenario.name.en)", definition: definition, resultJSON: json)
        FileHandle.standardError.write(Data("minerisk: saved scenario run \(id) in \(path)\n".utf8))
    }

    /// The flags as one more step of the scenario.
    private func addFlags(to scenario: inout CoalScenario, register: CoalRegister) throws {
        scenario.keep += ids(keep, flag: "--keep")
        var actions: [ScenarioAction] = []
        let at = { (flag: String) in SourceLocation(file: "command line", path: flag) }
        let named = ids(close, flag: "--close")
        if !named.isEmpty { actions.append(ScenarioAction(.close(named), at: at("--close"))) }
        for (value, boundary, flag) in [(closeAtOrBelow, LineBoundary.included, "--close-at-or-below"), (closeUnder, .excluded, "--close-under")] {
            guard let value else { continue }
            actions.append(ScenarioAction(.closeCapacity(CapacityLine(.commandLine(value, flag: flag), boundary)), at: at(flag)))
        }
        if let closeGrade { actions.append(ScenarioAction(.closeGrade(.commandLine(closeGrade, flag: "--close-grade")), at: at("--close-grade"))) }
        guard !actions.isEmpty else { return }
        guard let stepYear = year ?? ScenarioEngine.yearAfter(scenario, register: register) else {
            throw MineRiskError.usage("--year: the register records no closure and the scenario has no step, so the flags need a year")
        }
        scenario.add(actions, inYear: .commandLine(stepYear, flag: "--year"))
    }

    private func ids(_ list: String?, flag: String) -> [Located<String>] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { Located.commandLine($0, flag: flag) }
    }
}

struct CompareScenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Several scenarios side by side on one register: one column each."
    )

    @Argument(help: "Scenario files (YAML), two or more.") var files: [String]
    @OptionGroup var inputs: ScenarioInputOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("compare needs at least two scenario files, found \(files.count)") }
    }

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: ScenarioComparison.self)
            try outputOptions.checkDestination(format: format)
            let register = try inputs.loadRegister()
            // Every file is read and checked, and all their problems listed, before anything is written.
            var problems = ProblemList()
            var scenarios: [CoalScenario] = []
            for file in files {
                do { scenarios.append(try ScenarioLoader.load(path: file)) } catch let MineRiskError.invalidInput(list, _) {
                    for problem in list { problems.add(problem.location, problem.message) }
                }
            }
            let engine = ScenarioEngine(register: register, grades: try inputs.grades(for: scenarios))
            var results: [ScenarioResult] = []
            for scenario in scenarios {
                do { results.append(try engine.run(scenario)) } catch let MineRiskError.invalidInput(list, _) {
                    for problem in list { problems.add(problem.location, problem.message) }
                }
            }
            try problems.throwIfAny()
            let comparison = ScenarioComparison(register: RegisterInfo(register), scenarios: results)
            try outputOptions.write(comparison, as: format)
        }
    }
}

/// Problems that are all in command-line flags are usage errors (64), not data errors (65).
private func commandLineProblemsAreUsage<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as MineRiskError {
        guard case let .invalidInput(problems, _) = error, problems.allSatisfy({ $0.location.file == "command line" }) else { throw error }
        throw MineRiskError.usage(error.description)
    }
}
