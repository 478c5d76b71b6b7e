import ArgumentParser
import Foundation
import MineRisk

/// The store a `db` command works on.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: "The store: a SQLite file (db import creates it when missing).")
    var db: String = StoreFactory.defaultLocation
}
