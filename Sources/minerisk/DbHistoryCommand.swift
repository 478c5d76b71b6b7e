import ArgumentParser
import Foundation
import MineRisk

struct DbHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a facility's grade, score and state in every stored round."
    )

    @Argument(help: "The facility's id, as in facilities.csv.") var facility: String
    @OptionGroup var store: StoreOption
    @OptionGroup var output: PrintedFormatOption<FacilityHistory>

    func run() throws {
        try runReporting {
            let store = try StoreFactory.open(self.store.db, access: .read)
            defer { try? store.close() }
            let history = try store.history(facility: facility)
            try output.write(history)
        }
    }
}
