import Foundation
import Testing
@testable import MineRisk

/// The check that keeps the store from opening, and so from writing to, a file that is not one.
@Suite struct StoreFileTests {
    @Test func classifiesHeaders() {
        #expect(StoreFile.classify([]) == .empty)
        guard case .notADatabase = StoreFile.classify(Array("id,name\n1,a\n".utf8)) else { Issue.record("text taken for a database"); return }
        guard case let .notADatabase(why) = StoreFile.classify(Array("SQLite format 3\0".utf8) + [0, 1]) else { Issue.record("short header"); return }
        #expect(why.contains("18 bytes long"))
        var header = Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 84)
        #expect(StoreFile.classify(header) == .foreignDatabase(applicationID: 0))
        header[68...71] = [0x4D, 0x52, 0x73, 0x6B]
        #expect(StoreFile.classify(header) == .store)
    }

    @Test func newStoreIsWALWithApplicationID() throws {
        let store = try storeWithRounds([], models: try repositoryModels())
        #expect(try store.journalMode() == "wal")
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-scenario-runs", "v3-hazard-register", "v4-monitoring"])
        let path = store.path
        try store.close()
        #expect(try StoreFile.inspect(path) == .store)
        #expect(Array(try bytes(path)[68..<72]) == [0x4D, 0x52, 0x73, 0x6B])
    }

    @Test func garbageIsRefusedAndLeftUntouched() throws {
        let path = try temporaryFolder().appendingPathComponent("notes.sqlite").path
        let text = "facility,grade\nTP001,low\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for access in [StoreAccess.read, .write] {
            let error = mineRiskError { _ = try SQLiteStore.open(path, access: access) }
            #expect(error?.exitStatus == .dataError)
            #expect(error?.description.contains("is not a SQLite database") == true)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// Another application's SQLite file: a real database whose application id is not ours.
    @Test func foreignDatabaseIsRefusedAndLeftUntouched() throws {
        let store = try storeWithRounds(["2016"], models: try repositoryModels())
        let path = store.path
        try store.close()
        var content = try bytes(path)
        content[68...71] = [0, 0, 0, 0]
        try Data(content).write(to: URL(fileURLWithPath: path))
        let error = mineRiskError { _ = try SQLiteStore.open(path, access: .write) }
        #expect(error?.exitStatus == .dataError)
        #expect(error?.description.contains("SQLite database of another application (no application id") == true)
        #expect(try bytes(path) == content)
    }

    /// A store whose pages are overwritten: refused before anything is written, the damaged file kept as it is.
    @Test func damagedStoreIsRefusedAndLeftUntouched() throws {
        let store = try storeWithRounds(["2016", "2017"], models: try repositoryModels())
        let path = store.path
        try store.close()
        var content = try bytes(path)
        #expect(content.count > 16 * 4096)
        for i in (4 * 4096)..<(content.count - 4096) where i % 7 == 0 { content[i] = 0xA5 }
        try Data(content).write(to: URL(fileURLWithPath: path))
        let error = mineRiskError { try importAgain(path) }
        #expect(error?.exitStatus == .dataError)
        #expect(error?.description.contains("is damaged") == true)
        #expect(try bytes(path) == content)
    }

    /// Damage that an import would not trip over (a table it does not touch) is still found before writing.
    @Test func damageElsewhereIsFoundByTheCheckBeforeWriting() throws {
        let store = try storeWithRounds(["2016"], models: try repositoryModels())
        let (root, pageSize) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'scenario_runs'")!,
             try Int.fetchOne(db, sql: "PRAGMA page_size")!)
        }
        let path = store.path
        try store.close()
        var content = try bytes(path)
        content[(root - 1) * pageSize] = 0x00  // fileformat.html §1.6: not a valid b-tree page type
        try Data(content).write(to: URL(fileURLWithPath: path))
        let error = mineRiskError { try importAgain(path) }
        #expect(error?.description.contains("is damaged") == true, "\(String(describing: error))")
        #expect(try bytes(path) == content)
    }

    private func importAgain(_ path: String) throws {
        let store = try SQLiteStore.open(path, access: .write)
        try store.importRound(try RoundLoader.load(directory: storeFixture("2016"), models: try repositoryModels()), id: "again", source: "test")
    }

    @Test func storeOfANewerVersionIsRefused() throws {
        let store = try storeWithRounds([], models: try repositoryModels())
        try store.queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        let path = store.path
        try store.close()
        let error = mineRiskError { _ = try SQLiteStore.open(path, access: .read) }
        #expect(error?.exitStatus == .dataError)
        #expect(error?.description.contains("written by a newer minerisk (schema migrations v9-from-the-future") == true)
    }

    /// A store made by the first release (only "v1-initial") upgrades in place and keeps its rounds.
    @Test func olderStoreUpgradesInPlace() throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2016"], models: models)
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                DROP TABLE scenario_runs; DROP TABLE hazard_actions; DROP TABLE hazard_register;
                DROP TABLE warning_log; DROP TABLE warning_levels; DROP TABLE warning_runs;
                DROP TABLE monitoring_readings; DROP TABLE monitoring_points;
                DELETE FROM grdb_migrations WHERE identifier IN ('v2-scenario-runs', 'v3-hazard-register', 'v4-monitoring')
                """)
        }
        #expect(try store.appliedMigrations() == ["v1-initial"])
        let path = store.path
        try store.close()
        let reopened = try SQLiteStore.open(path, access: .read)
        #expect(try reopened.appliedMigrations() == ["v1-initial", "v2-scenario-runs", "v3-hazard-register", "v4-monitoring"])
        #expect(try reopened.roundIDs() == ["2016"])
        #expect(try reopened.saveScenarioRun(name: "after upgrade", definition: "x", resultJSON: "{}") == 1)
        // The register of a round stored before it existed is filled from its hazards rows, all open.
        let register = try reopened.register(round: "2016")
        #expect(register.count == (try reopened.dataset(round: "2016", models: models)).hazards.count && !register.isEmpty)
        #expect(register.allSatisfy { $0.finding.status == .open && $0.version == 1 })
    }

    @Test func readersNeverCreateAStore() throws {
        let path = try temporaryFolder().appendingPathComponent("none.sqlite").path
        let error = mineRiskError { _ = try SQLiteStore.open(path, access: .read) }
        #expect(error?.exitStatus == .noInput)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
