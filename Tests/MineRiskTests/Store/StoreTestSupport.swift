import Foundation
import Testing
@testable import MineRisk

/// The repository's indicator models.
func repositoryModels() throws -> ModelSet {
    try ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)
}

/// A round of the store fixture (Tests/MineRiskTests/Fixtures/store/2016 or 2017).
func storeFixture(_ round: String) -> String { fixture("store/\(round)") }

/// A new store in a fresh temporary folder, with the fixture rounds imported.
func storeWithRounds(_ rounds: [String], models: ModelSet) throws -> SQLiteStore {
    let path = try temporaryFolder().appendingPathComponent("test.sqlite").path
    let store = try SQLiteStore.open(path, access: .write)
    for round in rounds {
        try store.importRound(try RoundLoader.load(directory: storeFixture(round), models: models), id: round, source: storeFixture(round))
    }
    return store
}

/// Grades a stored round with default options and saves the run.
@discardableResult
func gradeAndSave(_ store: any RoundStore, round: String, models: ModelSet, options: GradingOptions = GradingOptions()) throws -> GradeReport {
    let report = try Grader(models: models, options: options).grade(try store.dataset(round: round, models: models))
    try store.saveGradeRun(report, round: round)
    return report
}

/// Copies a fixture round into a temporary folder, so that a test can spoil one of its files.
func copyOfFixture(_ round: String) throws -> URL {
    let folder = try temporaryFolder().appendingPathComponent(round)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: storeFixture(round)), to: folder)
    return folder
}

/// The bytes of a file.
func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

/// The error a throwing call throws, as a MineRiskError, or nil.
func mineRiskError(_ body: () throws -> Void) -> MineRiskError? {
    do {
        try body()
        return nil
    } catch let error as MineRiskError {
        return error
    } catch {
        return .io("unexpected error \(error)")
    }
}

/// The backends the store's suites run on: SQLite always, and PostgreSQL when `MINERISK_TEST_PG` names a server's
/// database (`scripts/test` starts a throwaway cluster and sets it), on which each test gets a database of its own.
enum TestBackend: String, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var all: [TestBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// The server's database the tests make their own databases from (its user may create databases).
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["MINERISK_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var testDescription: String { rawValue }

    /// A new, empty store of this backend.
    func emptyStore() throws -> any HazardRegisterStore & MonitoringStore {
        switch self {
        case .sqlite:
            return try SQLiteStore.open(try temporaryFolder().appendingPathComponent("test.sqlite").path, access: .write)
        case .postgres:
            return try PostgresStore.open(try Self.newDatabase(), access: .write)
        }
    }

    /// Makes a database of its own for a test, on the server `MINERISK_TEST_PG` names; returns its URL.
    static func newDatabase() throws -> String {
        guard let base = postgresURL, var components = URLComponents(string: base) else {
            throw MineRiskError.usage("MINERISK_TEST_PG is not set")
        }
        let name = "minerisk_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        let admin = try PostgresSession(try PostgresLocation(base))
        defer { admin.close() }
        try admin.script("CREATE DATABASE \(name)")
        components.path = "/\(name)"
        return components.string!
    }
}

/// A new store of `backend` with the fixture rounds imported.
func storeWithRounds(_ rounds: [String], models: ModelSet, backend: TestBackend) throws -> any HazardRegisterStore & MonitoringStore {
    let store = try backend.emptyStore()
    for round in rounds {
        try store.importRound(try RoundLoader.load(directory: storeFixture(round), models: models), id: round, source: storeFixture(round))
    }
    return store
}

/// A number a query of the store's tables gives (the SQL valid on both backends), in a read transaction.
func sqlNumber(_ store: any RoundStore, _ sql: String) throws -> Double? {
    switch store {
    case let sqlite as SQLiteStore: return try sqlite.read { db in try Double.fetchOne(db, sql: sql) }
    case let postgres as PostgresStore: return try postgres.read { try postgres.session.value(Double.self, sql) }
    default: throw MineRiskError.usage("unknown store \(store.location)")
    }
}

/// Runs a statement on the store's tables in a write transaction.
func sqlExecute(_ store: any RoundStore, _ sql: String) throws {
    switch store {
    case let sqlite as SQLiteStore: try sqlite.write { db in try db.execute(sql: sql) }
    case let postgres as PostgresStore: try postgres.write { try postgres.session.execute(sql) }
    default: throw MineRiskError.usage("unknown store \(store.location)")
    }
}

/// The migrations a store has applied.
func appliedMigrations(_ store: any RoundStore) throws -> [String] {
    switch store {
    case let sqlite as SQLiteStore: return try sqlite.appliedMigrations()
    case let postgres as PostgresStore: return try postgres.appliedMigrations()
    default: throw MineRiskError.usage("unknown store \(store.location)")
    }
}

/// A saved run's results by facility.
func storedResults(_ store: any RoundStore, run: Int64) throws -> [String: StoredGrade] {
    switch store {
    case let sqlite as SQLiteStore: return try sqlite.read { db in try sqlite.results(ofRun: run, db) }
    case let postgres as PostgresStore: return try postgres.read { try postgres.results(ofRun: run) }
    default: throw MineRiskError.usage("unknown store \(store.location)")
    }
}
