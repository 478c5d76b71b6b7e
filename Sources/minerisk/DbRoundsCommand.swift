import ArgumentParser
import Foundation
import MineRisk

struct DbRoundsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds",
        abstract: "List the stored rounds, with their counts and newest saved grading."
    )

    @OptionGroup var store: StoreOption
    @OptionGroup var output: PrintedFormatOption<RoundList>

    func run() throws {
        try runReporting {
            let store = try StoreFactory.open(self.store.db, access: .read)
            defer { try? store.close() }
            let rounds = try store.rounds()
            try output.write(RoundList(rounds))
        }
    }
}
