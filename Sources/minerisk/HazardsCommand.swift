import ArgumentParser
import Foundation
import MineRisk

struct HazardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hazards",
        abstract: "The hidden-danger register (隐患排查治理): findings, deadlines, rectification, overdue warnings.",
        discussion: """
        list, overdue and summary read the --data folder's hazards.csv, or a stored round with --db/--round. \
        add, update, close and reopen change a stored round's register; every change goes to its append-only action log.
        """,
        subcommands: [HazardsListCommand.self, HazardsOverdueCommand.self, HazardsSummaryCommand.self,
                      HazardsAddCommand.self, HazardsUpdateCommand.self, HazardsCloseCommand.self, HazardsReopenCommand.self, HazardsImportCommand.self]
    )
}

/// Where the register comes from and the day it is read on.
struct HazardSourceOptions: ParsableArguments {
    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Read this stored round's register instead of the --data folder.")
    var round: String?

    @Option(name: .long, help: "The store (default \(StoreFactory.defaultHelp)) with --round.")
    var db: String?

    @Option(name: .long, help: "The day to read the register on (YYYY-MM-DD); default: the round's assessedOn, else today.")
    var asOf: String?

    @Option(name: .long, help: "Only this county.")
    var county: String?

    func validate() throws {
        if let asOf, !isISODate(asOf) { throw ValidationError("--as-of: expected a date YYYY-MM-DD, found \"\(asOf)\"") }
        if db != nil && round == nil { throw ValidationError("--db needs --round ID") }
    }

    func load() throws -> (register: HazardRegister, asOf: String) {
        let models = try dataOptions.loadModels()
        let data: Dataset
        var versions: [String: Int] = [:]
        if let round {
            let store = try StoreFactory.open(db ?? StoreFactory.defaultLocation, access: .read).hazardRegister()
            defer { try? store.close() }
            data = try store.dataset(round: round, models: models)
            versions = Dictionary(try store.register(round: round).map { ($0.finding.id, $0.version) }, uniquingKeysWith: { a, _ in a })
        } else {
            data = try dataOptions.loadData(models: models)
        }
        let date = asOf ?? data.round?.assessedOn ?? RoundDate.today().date
        var register = HazardRegister(dataset: data)
        register.versions = versions
        return (register, date)
    }
}

/// Writes the report in the format asked for.
func emitHazards(_ report: HazardReport, output: OutputOptions) throws {
    let format = try output.resolvedFormat(for: HazardReport.self)
    try output.checkDestination(format: format)
    try output.write(report, as: format)
}

struct HazardsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every finding of the register known on --as-of.")
    @OptionGroup var source: HazardSourceOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let (register, asOf) = try source.load()
            let entries = register.entries(asOf: asOf, county: source.county)
            try emitHazards(HazardReport(.list, asOf: asOf, hazards: entries, summary: HazardSummary(entries)), output: outputOptions)
        }
    }
}

struct HazardsOverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue", abstract: "Findings whose deadline passed without acceptance; overdue major dangers are red warnings.")
    @OptionGroup var source: HazardSourceOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let (register, asOf) = try source.load()
            let entries = register.entries(asOf: asOf, county: source.county).filter(\.overdue)
            let warnings = register.warnings(asOf: asOf, county: source.county)
            try emitHazards(HazardReport(.overdue, asOf: asOf, hazards: entries, summary: HazardSummary(entries), warnings: warnings),
                            output: outputOptions)
        }
    }
}

struct HazardsSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Counts by county and level, the rectification rate (整改率), overdue findings, the major dangers.")
    @OptionGroup var source: HazardSourceOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let (register, asOf) = try source.load()
            let entries = register.entries(asOf: asOf, county: source.county)
            try emitHazards(HazardReport(.summary, asOf: asOf, hazards: entries, summary: HazardSummary(entries)), output: outputOptions)
        }
    }
}
