import ArgumentParser
import Foundation
import MineRisk

/// The store a `db` command works on.
struct StoreOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The store: a SQLite file (db import creates it when missing), or a PostgreSQL database as postgres://user@host:port/dbname (the password in PGPASSWORD); default \(StoreFactory.defaultHelp).")
    var location: String?

    /// The store named, or the default one.
    var db: String { location ?? StoreFactory.defaultLocation }
}
