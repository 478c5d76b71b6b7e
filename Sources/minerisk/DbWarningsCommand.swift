import ArgumentParser
import Foundation
import MineRisk

struct DbWarningsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warnings",
        abstract: "Show a saved warning run: the levels of the ponds, items and points, and the warning log.",
        discussion: """
        Reads the newest warning run (saved with `minerisk warn --save`) of --round, or of the newest round that has \
        one; --run N reads run N. With a pond's id, only its rows, with its points in the table.
        """
    )

    @Argument(help: "A pond's id, as in facilities.csv: only its levels and warnings.") var facility: String?
    @Option(name: .long, help: "The round (default: the newest round with a saved warning run).") var round: String?
    @Option(name: .customLong("run"), help: "The warning run's id (default: the newest of the round).") var runID: Int64?
    @OptionGroup var store: StoreOption
    @OptionGroup var output: PrintedFormatOption<StoredWarningRun>

    func run() throws {
        try runReporting {
            let store = try StoreFactory.open(self.store.db, access: .read)
            defer { try? store.close() }
            let saved = try store.monitoringStore().warningRun(round: round, run: runID, facility: facility)
            try output.write(saved)
        }
    }
}
