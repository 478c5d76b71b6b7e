import ArgumentParser
import Foundation
import MineRisk

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade every facility of a dataset: red, orange, yellow or blue.",
        discussion: """
        Facilities whose assessment is incomplete are listed with the indicators they miss, not graded.
        A major accident hazard in hazards.csv grades its facility major whatever its score.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var grading: GradingOptionGroup
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup(title: "Store") var storeOptions: GradeStoreOptions

    @Flag(name: .long, help: "Grades follow the ponds' online-monitoring warnings as of the round's date (DATA/monitoring; Models/warning-grades.yaml: red → major, orange → at least significant).")
    var warnings = false

    @Option(name: .long, help: "With --warnings: the warning levels at this time (ISO 8601 with offset) instead of the end of the round's day.")
    var warningsAt: String?

    @Flag(name: .long, help: "Print the seconds of each stage (models (with the hazard lists), read, aggregate, weight, evaluate, results, priority, summary, write) on stderr, as JSON.")
    var timings = false

    func validate() throws {
        if warningsAt != nil && !warnings { throw ValidationError("--warnings-at goes with --warnings") }
        try requireISOTime("--warnings-at", warningsAt)
    }

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: GradeOutput.self)
            try outputOptions.checkDestination(format: format)
            var stages = StageTimings()
            // A stored round (--round) is read from the store, not checked against the hazard lists: they are not read.
            let (models, lists) = try stages.measure("models") { try dataOptions.loadModelsAndLists(withLists: storeOptions.round == nil) }
            let data = try stages.measure("read") { try storeOptions.loadData(models: models, lists: lists, dataOptions: dataOptions) }
            var report = try Grader(models: models, options: try grading.options()).grade(data, timings: &stages)
            if warnings { report = try followingWarnings(report, models: models) }
            try storeOptions.saveIfAsked(report)
            if dataOptions.skipInvalid { try outputOptions.writeRejects(report.rejects, defaultBase: "minerisk") }
            try stages.measure("write") {
                try outputOptions.write(GradeOutput(report: report, models: models) { hazardSummary(data, report: report) }, as: format)
            }
            if timings { try reportTimings(stages, facilities: data.facilities.count) }
            keepUntilExit(data, report)
        }
    }

    /// One JSON line on standard error: the facilities and the seconds of each stage, in the order they ran.
    private func reportTimings(_ stages: StageTimings, facilities: Int) throws {
        struct Timings: Encodable {
            let facilities: Int
            let stages: StageTimings
            let blas: BLASInfo
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(Timings(facilities: facilities, stages: stages, blas: .current))
        line.append(0x0A)
        FileHandle.standardError.write(line)
    }

    /// Raises each monitored pond to the grade its warning level calls for at the end of the round's day (China
    /// Standard Time, +08:00, the offset of the bureau's readings).
    private func followingWarnings(_ report: GradeReport, models: ModelSet) throws -> GradeReport {
        let folder = dataOptions.data
        let monitoring = try MonitoringData.load(directory: folder, models: models)
        let time = warningsAt ?? "\(report.provenance.asOf.date)T23:59:59+08:00"
        let warned = try WarningEngine(data: monitoring, until: ISOTime.parse(time)).run()
        let rules = try WarningGradeRules.load(path: (dataOptions.modelFolder.models as NSString).appendingPathComponent("warning-grades.yaml"))
        var floors: [String: GradeFloor] = [:]
        for pond in warned.ponds {
            guard let grade = rules.minimumGrade(for: pond.level) else { continue }
            floors[pond.id] = GradeFloor(grade: grade, reason: "\(pond.level.name) online-monitoring warning as of \(time)")
        }
        let text = rules.minimumGrades.sorted { $0.key > $1.key }.map { "\($0.key.name) → at least \($0.value.rawValue)" }.joined(separator: ", ")
        return report.raising(to: floors, rule: RuleInForce(id: "warning-grades", text: "\(text) as of \(time)", source: rules.source))
    }
}
