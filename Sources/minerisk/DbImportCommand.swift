import ArgumentParser
import Foundation
import MineRisk

struct DbImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a round's data folder into the store, in one transaction.",
        discussion: """
        Every file is validated first (facilities.csv, experts.csv, assessments.csv, hazards.csv, and \
        coal_mines.csv and accidents.csv when present); any problem is reported with file:line:column and \
        nothing is written. A monitoring/ folder (points.csv, thresholds.yaml, readings.csv or .csv.gz) is \
        imported too: its readings are checked and stored as they stream, in the same transaction.

        The files are archived byte for byte with the round. A round already stored is refused unless \
        --replace, which also removes the replaced round's saved gradings. A killed import leaves the store \
        as it was.

        With --county, only that county's facilities, with their assessments, hazards and coal mines, and the \
        experts who assessed them, go into the round, after the rows other counties imported; the round is \
        created when it is not stored. The county's earlier rows are refused unless --replace, which replaces \
        only them. On a PostgreSQL store a county user may import only its own counties (minerisk db users). \
        The accidents and the monitoring folder are the bureau's, imported with the whole round.
        """
    )

    enum Wording: OptionWording {
        static let data = "The round's data folder."
        static let models = "Folder of indicator models (*.yaml) the assessments are checked against."
    }
    @OptionGroup var dataFolder: DataFolderOption<Wording>
    @OptionGroup var modelFolder: ModelsOption<Wording>
    var data: String { dataFolder.data }

    @Option(name: .long, help: "The round's id, e.g. 2017.")
    var round: String

    @Flag(name: .long, help: "Replace the round if it is already stored (its saved gradings are removed with it); with --county, the county's rows only.")
    var replace = false

    @Option(name: .long, help: "Import only this county's facilities into the round, beside other counties' (e.g. 会理县).")
    var county: String?

    @OptionGroup var store: StoreOption
    @OptionGroup var output: PrintedFormatOption<ImportSummary>

    func validate() throws {
        do { try RoundID.validate(round) } catch let error as MineRiskError { throw ValidationError(error.description) }
    }

    func run() throws {
        try runReporting {
            try StoreFactory.check(self.store.db)
            let modelSet = try modelFolder.load()
            let roundData = try RoundLoader.load(directory: data, models: modelSet)
            if let county {
                let part = try CountyImport(roundData, county: county, source: data)
                let store = try StoreFactory.open(self.store.db, access: .write)
                defer { try? store.close() }
                let summary = try store.importCounty(part, id: round, source: data, replace: replace)
                if FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent(RoundMonitoring.folder)) {
                    FileHandle.standardError.write(Data("minerisk: note: \(data)/monitoring was not imported: a county import takes the county's facilities only; import the monitoring with the whole round\n".utf8))
                }
                return try output.write(summary)
            }
            _ = try MonitoringSynthesizer.generateBundledReadingsIfMissing(directory: data, models: modelSet)
            let monitoring = try RoundMonitoring.load(directory: data, models: modelSet)
            let store = try StoreFactory.open(self.store.db, access: .write)
            defer { try? store.close() }
            let summary = try monitoring.map {
                try store.monitoringStore().importRound(roundData, monitoring: $0, id: round, source: data, replace: replace, checkpoint: Self.testPause)
            } ?? store.importRound(roundData, id: round, source: data, replace: replace, checkpoint: Self.testPause)
            try output.write(summary)
        }
    }

    /// Test hook, for the kill -9 test of the store only: with MINERISK_TEST_IMPORT_PAUSE=SECONDS in the
    /// environment, the import stops halfway through its assessments, inside its transaction, says so on
    /// standard error and sleeps, so that the test can kill the process at a known point.
    static var testPause: ((ImportCheckpoint) throws -> Void)? {
        guard let text = ProcessInfo.processInfo.environment["MINERISK_TEST_IMPORT_PAUSE"], let seconds = Double(text), seconds > 0 else {
            return nil
        }
        return { checkpoint in
            guard case let .assessmentsHalfway(inserted, total) = checkpoint else { return }
            FileHandle.standardError.write(Data("minerisk: test hook: paused inside the import transaction after \(inserted) of \(total) assessments\n".utf8))
            Thread.sleep(forTimeInterval: seconds)
        }
    }
}
