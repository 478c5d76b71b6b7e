import ArgumentParser
import Foundation
import MineRisk

/// The store a `db` command works on.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: "The store: a SQLite file (db import creates it when missing).")
    var db: String = Store.defaultPath
}

/// `--format table|json` of the commands that print to standard output only.
struct TableOrJSONOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format must be table or json, found \(format.rawValue)")
        }
    }
}
