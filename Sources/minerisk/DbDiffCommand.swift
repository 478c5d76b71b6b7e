import ArgumentParser
import Foundation
import MineRisk

struct DbDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two rounds' saved grades: facilities whose grade went up or down, new and closed ones.",
        discussion: "Each round is read from its newest saved grading run (grade --db PATH --round ID --save)."
    )

    @Argument(help: "The earlier round.") var from: String
    @Argument(help: "The later round.") var to: String
    @OptionGroup var store: StoreOption
    @OptionGroup var output: PrintedFormatOption<RoundDiff>

    func run() throws {
        try runReporting {
            let store = try StoreFactory.open(self.store.db, access: .read)
            defer { try? store.close() }
            let diff = try store.diff(from: from, to: to)
            try output.write(diff)
        }
    }
}
