import Foundation
import MineRisk
import Testing

/// A real import killed with SIGKILL part way leaves the store at its previous state: the file passes SQLite's
/// integrity check and holds exactly the rounds it held, and readers never see half a round.
@Suite(.serialized) struct DbKillTests {
    /// 3000 underground mines × 22 indicators × 2 experts: 132 000 assessment rows, enough that the
    /// transaction spills uncommitted pages into the WAL file before it is killed.
    static let facilities = 3000

    /// Killed at a known point: inside the transaction, halfway through the assessments (test hook
    /// MINERISK_TEST_IMPORT_PAUSE of `db import`). A reader meanwhile sees the old rounds only.
    @Test func killedInsideTheTransaction() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("store.sqlite").path
        try importRound(storeFixtureRound("2016"), round: "2016", store: store)
        let before = try snapshot(store)
        let big = folder.appendingPathComponent("big")
        let rows = try writeSyntheticRound(to: big, facilities: Self.facilities)

        let child = try startImport(big.path, round: "2017", store: store, folder: folder, pause: 600)
        let marker = "test hook: paused inside the import transaction after \(rows / 2) of \(rows) assessments"
        try child.waitForStderr(containing: marker, timeout: 300)

        // A reader while the transaction is open: the committed state only.
        let during = try db(["db", "rounds", "--format", "json"], store: store)
        #expect(during.status == 0, "\(during.stderr)")
        #expect(try roundIDs(fromJSON: during.stdout) == ["2016"])
        let wal = (try? FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? 0
        #expect(wal > 1_000_000, "the open transaction should have spilled uncommitted pages into the WAL (found \(wal) bytes)")

        try child.kill()
        #expect(child.process.terminationReason == .uncaughtSignal && child.process.terminationStatus == SIGKILL)
        #expect(FileManager.default.fileExists(atPath: store + "-wal"), "SIGKILL leaves the WAL file behind")

        #expect(try snapshot(store) == before)
        let reopened = try SQLiteStore.open(store, access: .read)
        #expect(try reopened.integrityCheck() == ["ok"])
        #expect(throws: MineRiskError.self) { _ = try reopened.dataset(round: "2017", models: try ModelLoader.load(directory: modelsFolder)) }
        try reopened.close()

        // The killed round was never stored, so importing it again is not refused as a duplicate.
        try importRound(big.path, round: "2017", store: store)
        let after = try snapshot(store)
        #expect(after.map(\.id) == ["2016", "2017"])
        #expect(after.last?.facilities == Self.facilities && after.last?.assessments == rows)
    }

    /// Killed at moments spread around the transaction, without the hook: before it begins, inside it, and after
    /// it committed. Each time the store is sound and holds either the previous rounds or the whole new one.
    @Test func killedAtMomentsAroundTheTransaction() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("store.sqlite").path
        try importRound(storeFixtureRound("2016"), round: "2016", store: store)
        let big = folder.appendingPathComponent("big")
        let facilities = 1500
        let rows = try writeSyntheticRound(to: big, facilities: facilities)

        // How long a whole import takes here, to place the kills.
        let start = Date()
        try importRound(big.path, round: "timing", store: store)
        let whole = Date().timeIntervalSince(start)
        var outcomes: [String] = []
        for (i, fraction) in [0.4, 0.7, 0.9, 1.3].enumerated() {
            let before = try snapshot(store)
            let round = "k\(i)"
            let child = try startImport(big.path, round: round, store: store, folder: folder, pause: nil)
            Thread.sleep(forTimeInterval: whole * fraction)
            try child.kill()
            let after = try snapshot(store)
            let reopened = try SQLiteStore.open(store, access: .read)
            #expect(try reopened.integrityCheck() == ["ok"], "after a kill at \(fraction) of an import")
            try reopened.close()
            let previous = Set(before), now = Set(after)
            if now == previous {
                outcomes.append("\(fraction): previous state")
            } else {
                #expect(previous.isSubset(of: now), "after a kill at \(fraction) of an import")
                #expect(now.subtracting(previous) == [RoundSummary(id: round, facilities: facilities, assessments: rows)],
                        "after a kill at \(fraction): a round is stored whole or not at all")
                outcomes.append("\(fraction): whole round")
            }
        }
        print("kill -9 outcomes (whole import \(String(format: "%.1f", whole)) s): \(outcomes.joined(separator: "; "))")
    }

    /// The rounds a store holds, read through the library.
    private func snapshot(_ path: String) throws -> [RoundSummary] {
        let store = try SQLiteStore.open(path, access: .read)
        defer { try? store.close() }
        return try store.rounds().map { RoundSummary(id: $0.id, facilities: $0.facilities, assessments: $0.assessments) }
    }

    private struct RoundSummary: Hashable {
        let id: String
        let facilities: Int
        let assessments: Int
    }

    private func roundIDs(fromJSON text: String) throws -> [String] {
        let rounds = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
        return rounds.compactMap { $0["id"] as? String }
    }

    private func startImport(_ data: String, round: String, store: String, folder: URL, pause: Int?) throws -> ChildProcess {
        var environment = ["NO_COLOR": "1"]
        if let pause { environment["MINERISK_TEST_IMPORT_PAUSE"] = String(pause) }
        return try ChildProcess(arguments: ["db", "import", "--data", data, "--round", round, "--db", store, "--models", modelsFolder],
                                environment: environment, stderrFile: folder.appendingPathComponent("\(round).stderr"))
    }
}
