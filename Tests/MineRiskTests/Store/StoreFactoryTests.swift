import Foundation
import Testing
@testable import MineRisk

/// The one way the commands open a store: a `--db` value to a `RoundStore`.
@Suite struct StoreFactoryTests {
    @Test func aPathIsASQLiteStore() throws {
        let path = try temporaryFolder().appendingPathComponent("f.sqlite").path
        #expect(StoreFactory.Backend(path) == .sqlite(path: path))
        let store = try StoreFactory.open(path, access: .write)
        defer { try? store.close() }
        #expect(store is SQLiteStore)
        #expect(store.location == path)
        #expect(try store.rounds().isEmpty)
    }

    @Test func aReaderOfNothingIsToldToImportFirst() throws {
        let path = try temporaryFolder().appendingPathComponent("none.sqlite").path
        #expect(throws: MineRiskError.self) { try StoreFactory.open(path, access: .read) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func checkRefusesWhatIsNotAStoreAndLeavesItAlone() throws {
        let path = try temporaryFolder().appendingPathComponent("notes.sqlite").path
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: MineRiskError.self) { try StoreFactory.check(path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("not a database\n".utf8))
    }
}
