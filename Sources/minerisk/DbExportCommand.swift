import ArgumentParser
import Foundation
import MineRisk

struct DbExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a stored round's data folder back out, each file exactly as it was imported.",
        discussion: """
        The folder gets the round's facilities.csv, experts.csv, assessments.csv, hazards.csv (and \
        coal_mines.csv, accidents.csv when the round had them), byte for byte, each checked against the \
        SHA-256 recorded at import. It must be new or hold none of those files.

        For a round's grade table, use grade --db PATH --round ID --output FILE.
        """
    )

    @Option(name: .long, help: "The stored round to export.")
    var round: String

    @Option(name: .shortAndLong, help: "The folder to write the round's files to (created if missing).")
    var output: String

    @OptionGroup var store: StoreOption
    @OptionGroup var format: PrintedFormatOption<ExportedRound>

    func run() throws {
        try runReporting {
            let store = try StoreFactory.open(self.store.db, access: .read)
            defer { try? store.close() }
            let files = try store.exportRound(round, to: output) + (try exportRegister(store, round: round, folder: output))
            try format.write(ExportedRound(files: files, round: round, store: self.store.db))
        }
    }
}
