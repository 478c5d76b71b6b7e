import Foundation
import Testing
@testable import MineRisk

/// Importing rounds: all or nothing, refused twice unless replaced, and read back as they came.
@Suite struct StoreImportTests {
    @Test(arguments: TestBackend.all) func importStoresEveryFile(backend: TestBackend) throws {
        let store = try storeWithRounds(["2016", "2017"], models: try repositoryModels(), backend: backend)
        let rounds = try store.rounds()
        #expect(rounds.map(\.id) == ["2016", "2017"])
        let r = rounds[1]
        #expect((r.facilities, r.experts, r.assessments, r.hazards, r.coalMines, r.accidentYears) == (7, 3, 429, 1, 3, 10))
        #expect(r.latestRun == nil && r.gradeRuns == 0)
        #expect(try store.coalMines(round: "2017").map(\.status) == ["closed", "operating", "closed"])
        #expect(try store.coalMines(round: "2017")[2].reason == "安全条件不达标,关闭退出")
    }

    /// The stored round rebuilds the very dataset the folder gave: same rows, same order, same file hashes.
    @Test(arguments: TestBackend.all) func storedRoundRebuildsTheDataset(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2017"], models: models, backend: backend)
        let stored = try store.dataset(round: "2017", models: models)
        let loaded = try DatasetLoader(directory: storeFixture("2017"), models: models).load()
        #expect(stored.facilities == loaded.facilities)
        #expect(stored.experts == loaded.experts)
        #expect(stored.hazards == loaded.hazards)
        #expect(stored.fileHashes == loaded.fileHashes)
        #expect(stored.assessments.facility == loaded.assessments.facility)
        #expect(stored.assessments.expert == loaded.assessments.expert)
        #expect(stored.assessments.indicator == loaded.assessments.indicator)
        #expect(stored.assessments.value == loaded.assessments.value)
        let pond = try #require(stored.facilities.first { $0.id == "TP002" }?.pond)
        #expect(pond.floodDischarge == .partlyBlocked && pond.beachLengthOK == false && pond.slopeSafetyFactor == 1.18)
    }

    /// A round whose indicators the models no longer have cannot be rebuilt, and says which and where.
    @Test(arguments: TestBackend.all) func rebuildingWithModelsThatLackTheIndicatorsFails(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2016"], models: models, backend: backend)
        let withoutOpenPit = ModelSet(models.models.values.filter { $0.model.kind != .openPitMine })
        let error = mineRiskError { _ = try store.dataset(round: "2016", models: withoutOpenPit) }
        guard case let .invalidInput(problems, _)? = error else { Issue.record("expected invalid input, got \(String(describing: error))"); return }
        #expect(problems.count == 50)  // the kind, then the first 49 of OP001's 63 values (21 indicators × 3 experts)
        #expect(problems[0].description.hasSuffix("round 2016: 1 facility is of kind open_pit_mine (first OP001), and the models folder has no open_pit_mine model"))
        #expect(problems[1].description.contains("indicator \"op_slope_height\" of facility OP001 is not in the open_pit_mine model"))
        #expect(error?.description.contains("… and 14 more problems") == true)
    }

    @Test(arguments: TestBackend.all) func secondImportIsRefusedUnlessReplaced(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2017"], models: models, backend: backend)
        try gradeAndSave(store, round: "2017", models: models)
        let data = try RoundLoader.load(directory: storeFixture("2016"), models: models)
        let error = mineRiskError { try store.importRound(data, id: "2017", source: "again") }
        #expect(error?.exitStatus == .cantCreate)
        #expect(error?.description.contains("round 2017 is already in the store") == true)
        #expect(try store.rounds()[0].facilities == 7)
        let summary = try store.importRound(data, id: "2017", source: "again", replace: true)
        #expect(summary.replaced && summary.removedGradeRuns == 1)
        #expect(try store.rounds()[0].facilities == 6)
        #expect(try store.rounds()[0].gradeRuns == 0)
    }

    /// A failure inside the transaction, after half the assessments went in, leaves the store as it was —
    /// even when the import was replacing a round, whose old data and saved gradings stay.
    @Test(arguments: TestBackend.all) func failureInsideTheTransactionChangesNothing(backend: TestBackend) throws {
        struct Interrupted: Error {}
        let models = try repositoryModels()
        let store = try storeWithRounds(["2017"], models: models, backend: backend)
        try gradeAndSave(store, round: "2017", models: models)
        let before = try store.rounds()
        let data = try RoundLoader.load(directory: storeFixture("2016"), models: models)
        var seen: [ImportCheckpoint] = []
        for (id, replace) in [("2016", false), ("2017", true)] {
            #expect(throws: Interrupted.self) {
                try store.importRound(data, id: id, source: "test", replace: replace) { checkpoint in
                    seen.append(checkpoint)
                    throw Interrupted()
                }
            }
        }
        #expect(seen == [.assessmentsHalfway(inserted: 186, total: 372), .assessmentsHalfway(inserted: 186, total: 372)])
        #expect(try store.rounds() == before)
        if let sqlite = store as? SQLiteStore { #expect(try sqlite.integrityCheck() == ["ok"]) }
        #expect(try store.dataset(round: "2017", models: models).assessments.count == 429)
    }

    /// Problems of every file are reported together, with file:line:column, and nothing is returned.
    @Test func invalidFolderReportsEveryProblem() throws {
        let folder = try copyOfFixture("2017")
        let assessments = folder.appendingPathComponent("assessments.csv")
        var text = try String(contentsOf: assessments, encoding: .utf8)
        text = text.replacingOccurrences(of: "TP001,E01,tp_max_daily_rainfall,", with: "TP001,E01,tp_max_daily_rainfall,x")
        try text.write(to: assessments, atomically: true, encoding: .utf8)
        try "year,accidents,deaths\n2016,10,12\n2016,9,-1\n".write(to: folder.appendingPathComponent("accidents.csv"), atomically: true, encoding: .utf8)
        try "id,name,county,capacity_tpa,status,closed_year,reason\nC1,甲,甘洛县,60000,closed,,\n".write(
            to: folder.appendingPathComponent("coal_mines.csv"), atomically: true, encoding: .utf8)
        let error = mineRiskError { _ = try RoundLoader.load(directory: folder.path, models: try repositoryModels()) }
        guard case let .invalidInput(problems, _)? = error else { Issue.record("expected invalid input, got \(String(describing: error))"); return }
        let text2 = problems.map(\.description).joined(separator: "\n")
        #expect(text2.contains("assessments.csv:2:4: value: expected a finite number"))
        #expect(text2.contains("accidents.csv:3:1: year 2016 appears twice (first on line 2)"))
        #expect(text2.contains("coal_mines.csv:2:6: closed_year: a closed mine needs the year it closed"))
    }

    @Test func roundIDsAreCheckedAndOrderedNaturally() throws {
        #expect(throws: MineRiskError.self) { try RoundID.validate("") }
        #expect(throws: MineRiskError.self) { try RoundID.validate("2017/../x") }
        #expect(throws: MineRiskError.self) { try RoundID.validate("-2017") }
        try RoundID.validate("2017-H1")
        #expect(["r10", "2017", "r9", "2016", "2016b"].sorted(by: RoundID.precedes) == ["2016", "2016b", "2017", "r9", "r10"])
    }

    @Test(arguments: TestBackend.all) func accidentsOfTheNewestRoundByDefault(backend: TestBackend) throws {
        let store = try storeWithRounds(["2017", "2016"], models: try repositoryModels(), backend: backend)
        let series = try store.accidents()
        #expect(series.map(\.year) == Array(2008...2017))
        #expect(zip(series, series.dropFirst()).allSatisfy { $1.deaths < $0.deaths && $1.accidents < $0.accidents })
        #expect(try store.accidents(round: "2016").first == AccidentYear(year: 2007, accidents: 31, deaths: 44))
        #expect(throws: MineRiskError.self) { _ = try store.accidents(round: "2015") }
    }

    @Test(arguments: TestBackend.all) func scenarioRunsAreSaved(backend: TestBackend) throws {
        let store = try storeWithRounds([], models: try repositoryModels(), backend: backend)
        let yaml = "name: close-small\nrule: {below_tpa: 90000}\n"
        let first = try store.saveScenarioRun(name: "close-small", definition: yaml, resultJSON: #"{"remaining": 9}"#)
        let second = try store.saveScenarioRun(name: "flags", definition: "--close-below 300000", resultJSON: "[1, 2]")
        #expect(second == first + 1)
        let runs = try store.scenarioRuns(name: "close-small")
        #expect(runs.count == 1 && runs[0].definition == yaml && runs[0].resultJSON == #"{"remaining": 9}"#)
        #expect(try store.scenarioRuns().count == 2)
        #expect(throws: MineRiskError.self) { try store.saveScenarioRun(name: "bad", definition: "", resultJSON: "{not json") }
    }
}
