import Foundation
import PostgresNIO

/// The mine safety information database on a PostgreSQL server, for a prefecture's or a province's many users: the
/// `RoundStore` of a `postgres://` URL.
///
/// Every operation is one transaction; a reader sees one snapshot (REPEATABLE READ), a writer's work is all committed
/// or not at all, and a writer whose transaction the server broke off (a serialization failure, a deadlock, a lost
/// connection before COMMIT) is run again from the start. Imports into one round take the round's advisory lock, so
/// county imports of one round queue rather than collide; different rounds go side by side. Who may write which
/// county's rows is the server's business: roles and row-level security (`PostgresSchema.countyAccess`).
public final class PostgresStore: RoundStore {
    let session: PostgresSession

    public var location: String { session.location.description }

    private init(session: PostgresSession) {
        self.session = session
    }

    /// Connects to the database a URL names and checks or installs the schema: a writer applies the migrations the
    /// database lacks; a reader never changes it. A database holding other tables but no minerisk store is refused.
    public static func open(_ url: String, access: StoreAccess) throws -> PostgresStore {
        let location = try PostgresLocation(url)
        let session: PostgresSession
        do {
            session = try PostgresSession(location)
        } catch {
            throw MineRiskError.from(error)
        }
        let store = PostgresStore(session: session)
        do {
            try store.prepareSchema(access: access)
        } catch {
            session.close()
            throw MineRiskError.from(error)
        }
        return store
    }

    /// Releases the connection.
    public func close() throws { session.close() }

    deinit { session.close() }

    // MARK: - Schema

    /// Applies the missing migrations under an advisory lock, so that two processes never migrate at once.
    private func prepareSchema(access: StoreAccess) throws {
        let hasLedger = try session.value(Bool.self, "SELECT to_regclass('minerisk_migrations') IS NOT NULL") ?? false
        if !hasLedger {
            let others = try session.values(String.self, """
                SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LIMIT 5
                """)
            guard others.isEmpty else {
                throw MineRiskError.invalid(SourceLocation(file: location),
                                            "holds other tables (\(others.joined(separator: ", "))) and no minerisk store; refusing to use it, and it was left untouched: give another database")
            }
            guard access == .write else {
                throw MineRiskError.missingInput("\(location): no store in this database yet; import a round first: minerisk db import --round ID --db \(location)")
            }
        }
        let known = PostgresSchema.migrations.map(\.name)
        if hasLedger {
            let applied = try session.values(String.self, "SELECT name FROM minerisk_migrations")
            let unknown = Set(applied).subtracting(known)
            guard unknown.isEmpty else {
                throw MineRiskError.invalid(SourceLocation(file: location),
                                            "was written by a newer minerisk (schema migrations \(unknown.sorted().joined(separator: ", ")) are unknown to \(engineVersion)); upgrade minerisk to use it")
            }
            if Set(applied) == Set(known) { return }
            guard access == .write else { return try refuseOldSchema(applied: applied) }
        }
        try session.execute("SELECT pg_advisory_lock($1)", [PostgresSchema.migrationLock])
        defer { _ = try? session.execute("SELECT pg_advisory_unlock($1)", [PostgresSchema.migrationLock]) }
        do {
            try session.script(PostgresSchema.ledger)
        } catch let failure as PostgresFailure where failure.sqlState == "42501" {
            throw MineRiskError.refused("\(location): the store's schema is not installed and this user may not install it; run a first import as the database's owner or a bureau user")
        }
        for migration in PostgresSchema.migrations {
            try session.transaction {
                // Another process may have applied it while this one waited for the lock.
                let done = try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM minerisk_migrations WHERE name = $1)", [migration.name]) ?? false
                guard !done else { return }
                for statement in migration.statements { try session.script(statement) }
                try session.execute("INSERT INTO minerisk_migrations (name, engine) VALUES ($1, $2)", [migration.name, engineVersion])
            }
        }
    }

    private func refuseOldSchema(applied: [String]) throws {
        let missing = PostgresSchema.migrations.map(\.name).filter { !applied.contains($0) }
        throw MineRiskError.usage("\(location): the store's schema lacks migrations \(missing.joined(separator: ", ")); run a writing command (minerisk db import) as the database's owner to upgrade it")
    }

    /// The schema migrations applied, in the order this minerisk lists them.
    public func appliedMigrations() throws -> [String] {
        let applied = Set(try session.values(String.self, "SELECT name FROM minerisk_migrations"))
        return PostgresSchema.migrations.map(\.name).filter(applied.contains)
    }

    // MARK: - Transactions

    /// Runs `body` in a read-only transaction on one snapshot.
    func read<T>(_ body: () throws -> T) throws -> T {
        do { return try session.transaction(readOnly: true, body) } catch { throw MineRiskError.from(error) }
    }

    /// Runs `body` in one write transaction, retried from the start when the server broke it off.
    func write<T>(_ body: () throws -> T) throws -> T {
        do { return try session.transaction(body) } catch { throw MineRiskError.from(error) }
    }

    /// Takes the round's advisory lock until the transaction ends: imports of one round queue behind each other.
    func lockRound(_ id: String) throws {
        try session.execute("SELECT pg_advisory_xact_lock(hashtext('minerisk-round:' || $1))", [id])
    }

    /// The ids of the stored rounds, in natural order ("2016" before "2017").
    public func roundIDs() throws -> [String] {
        try read { try roundIDsInTransaction() }
    }

    func roundIDsInTransaction() throws -> [String] {
        try session.values(String.self, "SELECT id FROM rounds").sorted(by: RoundID.precedes)
    }

    /// Throws "no such round" (naming the rounds there are) unless the round is stored.
    func requireRound(_ id: String) throws {
        guard try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM rounds WHERE id = $1)", [id]) == true else {
            let ids = try roundIDsInTransaction()
            let have = ids.isEmpty ? "the store has no round yet" : "its rounds are \(ids.joined(separator: ", "))"
            throw MineRiskError.missingInput("\(location): round \(id) is not in the store; \(have)")
        }
    }

    /// COPY rows into a table. Row-level security refuses COPY FROM for a user it applies to (PostgreSQL 15
    /// documentation, COPY, Notes), so for a county user the rows go into a temporary table first and then in with an
    /// INSERT, where the policies check every row.
    func copy(into table: String, columns: [String], _ feed: (CopyRows) throws -> Void) throws {
        let secured = try session.value(Bool.self, "SELECT row_security_active($1)", [table]) ?? false
        guard secured else { return try session.copy(into: table, columns: columns, feed) }
        let staging = "minerisk_staging_\(table)"
        try session.script("CREATE TEMPORARY TABLE IF NOT EXISTS \(staging) (LIKE \(table)) ON COMMIT DROP")
        try session.script("TRUNCATE \(staging)")
        try session.copy(into: staging, columns: columns, feed)
        let list = columns.joined(separator: ", ")
        try session.execute("INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(staging)")
    }
}
