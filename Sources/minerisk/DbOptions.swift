import ArgumentParser
import Foundation
import MineRisk

/// The store a `db` command works on.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: "The store: a SQLite file (db import creates it when missing).")
    var db: String = Store.defaultPath
}

/// The two formats the `db` commands print.
enum TableOrJSON: String, CaseIterable, ExpressibleByArgument {
    case table
    case json
}

/// `--format table|json` of the `db` commands.
struct TableOrJSONOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table or json.")
    var format: TableOrJSON = .table
}
