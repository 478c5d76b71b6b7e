import Foundation
import GRDB

/// The mine safety information database in one SQLite file, through GRDB: the `RoundStore` of a path.
///
/// The file is in WAL mode: a reader sees the last committed state while a writer works, and a writer
/// killed part way leaves the previous state. Every write is one transaction.
public final class SQLiteStore: RoundStore {
    public let path: String

    public var location: String { path }
    let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens the store at `path`, creating it for a writer when there is no file (or an empty one).
    ///
    /// A file that is not a minerisk store — not SQLite, another application's database, damaged, or written
    /// by a newer minerisk — is refused with a message saying so, and is not modified.
    public static func open(_ path: String, access: StoreAccess) throws -> SQLiteStore {
        let file = try StoreFile.inspect(path)
        if let refusal = file.refusal(path: path) { throw refusal }
        switch (file, access) {
        case (.missing, .read):
            throw MineRiskError.missingInput("\(path): no such store; import a round first: minerisk db import --round ID --db \(path)")
        case (.empty, .read):
            throw MineRiskError.missingInput("\(path): is an empty file, not a store: no round has been imported into it")
        case (.missing, .write), (.empty, .write):
            try AtomicWriter.checkWritable(path)
            try create(path)
        default:
            break
        }
        var configuration = Configuration()
        configuration.label = "minerisk.store"
        // A second writer waits for the first instead of failing at once; readers never wait in WAL mode.
        configuration.busyMode = .timeout(30)
        // The journal mode is not set on opening, which may write: a store is created in WAL mode (see `create`),
        // and nothing is written before the file has passed the checks below.
        configuration.journalMode = .default
        let queue = try translating(path) { try DatabaseQueue(path: path, configuration: configuration) }
        let store = SQLiteStore(path: path, queue: queue)
        // Two processes creating or upgrading the same store at once can trip over each other's schema
        // changes; the loser finds the work done when it looks again.
        for attempt in 1... {
            do {
                try store.prepareSchema(checkingIntegrity: access == .write)
                break
            } catch MineRiskError.io where attempt < 5 {
                Thread.sleep(forTimeInterval: 0.1 * Double(attempt))
            }
        }
        if access == .write, try store.journalMode() != "wal" {
            try translating(path) { try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") } }
        }
        return store
    }

    /// Refuses, without opening or changing it, a file at `path` that is not a store (or nothing, or empty).
    public static func checkFile(_ path: String) throws {
        if let refusal = try StoreFile.inspect(path).refusal(path: path) { throw refusal }
    }

    /// Creates an empty store: the application id is written first, then WAL mode set, so the main file carries both.
    private static func create(_ path: String) throws {
        try translating(path) {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(Int32(bitPattern: StoreFile.applicationID))")
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try queue.close()
        }
    }

    /// Checks the schema version and the file, then applies the migrations this version has and the file lacks.
    private func prepareSchema(checkingIntegrity: Bool) throws {
        let needsMigration = try checkSchemaVersion()
        if checkingIntegrity || needsMigration { try refuseIfDamaged() }
        if needsMigration { try SQLiteStore.translating(path) { try StoreSchema.migrator.migrate(queue) } }
    }

    /// Refuses a store written by a newer minerisk; returns whether this version has migrations to apply.
    private func checkSchemaVersion() throws -> Bool {
        let migrator = StoreSchema.migrator
        let (applied, complete) = try read { db in
            (try migrator.appliedIdentifiers(db), try migrator.hasCompletedMigrations(db))
        }
        let unknown = applied.subtracting(migrator.migrations)
        guard unknown.isEmpty else {
            throw MineRiskError.invalid(SourceLocation(file: path),
                                        "was written by a newer minerisk (schema migrations \(unknown.sorted().joined(separator: ", ")) are unknown to \(engineVersion)); upgrade minerisk to use it")
        }
        return !complete
    }

    /// Refuses to write to a store that fails SQLite's quick check.
    private func refuseIfDamaged() throws {
        let problems = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard problems == ["ok"] else {
            throw MineRiskError.invalid(SourceLocation(file: path),
                                        "is damaged (SQLite quick_check: \(problems.prefix(3).joined(separator: "; "))); refusing to write to it, and it was left untouched: restore it from a backup or give another --db path")
        }
    }

    /// The schema migrations applied to the store, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in try StoreSchema.migrator.completedMigrations(db) }
    }

    /// `PRAGMA integrity_check`: ["ok"] for a sound file, else SQLite's findings.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The journal mode of the file ("wal" for a store).
    public func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Closes the file; the store cannot be used afterwards.
    public func close() throws {
        try SQLiteStore.translating(path) { try queue.close() }
    }

    /// Runs `body` in a read transaction: it sees one committed state of the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try SQLiteStore.translating(path) { try queue.read(body) }
    }

    /// Runs `body` in one write transaction: all of it is committed, or none of it.
    ///
    /// The transaction is IMMEDIATE: it takes the write lock before reading, so that a concurrent writer
    /// makes it wait (busy timeout) instead of failing on a stale snapshot.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try SQLiteStore.translating(path) {
            try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `body`, turning SQLite's errors into messages that name the store and say what to do.
    static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw describe(error, path: path)
        }
    }

    /// The user-facing error for a SQLite error on the store at `path`.
    static func describe(_ error: DatabaseError, path: String) -> MineRiskError {
        let sqlite = "SQLite: \(error.message ?? "error \(error.resultCode.rawValue)")"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .invalid(SourceLocation(file: path),
                            "is damaged (\(sqlite)); refusing to use it: restore it from a backup or give another --db path")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .io("\(path): the store is busy: another minerisk is writing to it (\(sqlite)); try again when it has finished")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return .cannotCreate("\(path): the store cannot be opened for writing (\(sqlite))")
        case .SQLITE_FULL:
            return .io("\(path): the disk is full (\(sqlite)); nothing was written")
        default:
            let statement = error.sql.map { " while running \($0.prefix(120))" } ?? ""
            return .io("\(path): \(sqlite)\(statement)")
        }
    }

}

/// The current time as an ISO 8601 UTC timestamp, for `imported_at` and `created_at`, in every store.
func storeTimestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
}
