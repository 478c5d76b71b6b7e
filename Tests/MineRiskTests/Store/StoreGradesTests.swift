import Foundation
import Testing
@testable import MineRisk

/// Grading from the store, saved runs with their provenance, a facility's history and the changes between rounds.
@Suite struct StoreGradesTests {
    @Test(arguments: TestBackend.all) func gradingTheStoreEqualsGradingTheFolder(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2017"], models: models, backend: backend)
        let fromStore = try Grader(models: models).grade(try store.dataset(round: "2017", models: models))
        let fromFolder = try Grader(models: models).grade(try DatasetLoader(directory: storeFixture("2017"), models: models).load())
        #expect(fromStore.facilities == fromFolder.facilities)
        #expect(fromStore.summary == fromFolder.summary)
        #expect(fromStore.provenance.dataFiles == fromFolder.provenance.dataFiles)
        #expect(fromStore.provenance.dataDirectory.hasSuffix("#round=2017"))
    }

    @Test(arguments: TestBackend.all) func savedRunKeepsItsProvenance(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2016"], models: models, backend: backend)
        var options = GradingOptions()
        options.riTable = .saaty1980
        let report = try gradeAndSave(store, round: "2016", models: models, options: options)
        let run = try #require(try store.gradeRuns(round: "2016").last)
        #expect(run.options.riTable == .saaty1980 && run.options.weighting == "ahp" && run.seed == nil)
        #expect(run.models.map(\.sha256) == report.provenance.models.map(\.sha256))
        #expect(run.byGrade == report.summary.byGrade && run.incomplete == report.summary.incomplete)
        let stored = try storedResults(store, run: run.id)
        for result in report.facilities {
            #expect(stored[result.id] == StoredGrade(status: result.status, grade: result.grade, score: result.score, vetoes: result.vetoes.map(\.code)))
        }
    }

    @Test(arguments: TestBackend.all) func saveRefusesAReportOfAnotherRound(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2016", "2017"], models: models, backend: backend)
        let report = try Grader(models: models).grade(try store.dataset(round: "2017", models: models))
        let error = mineRiskError { try store.saveGradeRun(report, round: "2016") }
        #expect(error?.description.contains("does not match round 2016") == true)
        #expect(try store.gradeRuns(round: "2016").isEmpty)
    }

    /// The fixture rounds move TP002 (veto) and OP001 up, TP001 and UG001 down, close UG002 and open OP002, UG003.
    @Test(arguments: TestBackend.all) func diffOfTheFixtureRounds(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2016", "2017"], models: models, backend: backend)
        let missing = mineRiskError { _ = try store.diff(from: "2016", to: "2017") }
        #expect(missing?.exitStatus == .noInput)
        #expect(missing?.description.contains("round 2016 has no saved grades") == true)
        try gradeAndSave(store, round: "2016", models: models)
        try gradeAndSave(store, round: "2017", models: models)
        let diff = try store.diff(from: "2016", to: "2017")
        func ids(_ change: GradeChange) -> [String] { diff.changes.filter { $0.change == change }.map(\.id).sorted() }
        #expect(ids(.up) == ["OP001", "TP002"])
        #expect(ids(.down) == ["TP001", "UG001"])
        #expect(ids(.same) == ["CM001"])
        #expect(ids(.new) == ["OP002", "UG003"])
        #expect(ids(.closed) == ["UG002"])
        #expect(diff.counts == ["up": 2, "down": 2, "same": 1, "new": 2, "closed": 1, "incomplete": 0])
        #expect(diff.methodDifferences.isEmpty)
        let tp002 = try #require(diff.changes.first { $0.id == "TP002" })
        #expect(tp002.from?.grade == .low && tp002.to?.grade == .major && tp002.to?.vetoes == ["TP-01", "TP-08"])
        let text = StoreText.diff(diff)
        #expect(text.contains("Grade up 风险上升 (2)") && text.contains("Counts: up 2, down 2, same 1, new 2, closed 1, incomplete 0"))
    }

    @Test(arguments: TestBackend.all) func diffNotesRunsGradedDifferently(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2016", "2017"], models: models, backend: backend)
        try gradeAndSave(store, round: "2016", models: models)
        var options = GradingOptions()
        options.gradeRule = .membership
        try gradeAndSave(store, round: "2017", models: models, options: options)
        #expect(try store.diff(from: "2016", to: "2017").methodDifferences == ["grade rule: score vs membership"])
    }

    @Test(arguments: TestBackend.all) func historyAcrossRounds(backend: TestBackend) throws {
        let models = try repositoryModels()
        let store = try storeWithRounds(["2016", "2017"], models: models, backend: backend)
        try gradeAndSave(store, round: "2017", models: models)
        let history = try store.history(facility: "UG001")
        #expect(history.entries.map(\.round) == ["2016", "2017"])
        #expect(history.entries[0].run == nil && history.entries[0].standardized == false)
        #expect(history.entries[1].result?.grade == .general && history.entries[1].standardized == true)
        #expect(try store.history(facility: "UG002").absentFrom == ["2017"])
        #expect(try store.history(facility: "OP002").absentFrom == ["2016"])
        let unknown = mineRiskError { _ = try store.history(facility: "UG01") }
        #expect(unknown?.description.contains("did you mean") == true)
    }

    @Test(arguments: TestBackend.all) func exportWritesTheFilesAsImported(backend: TestBackend) throws {
        let store = try storeWithRounds(["2016"], models: try repositoryModels(), backend: backend)
        let folder = try temporaryFolder().appendingPathComponent("out").path
        let files = try store.exportRound("2016", to: folder)
        #expect(files.map(\.name) == ["accidents.csv", "assessments.csv", "coal_mines.csv", "experts.csv", "facilities.csv", "hazards.csv", "round.yaml"])
        for file in files {
            #expect(try bytes(file.path) == bytes((storeFixture("2016") as NSString).appendingPathComponent(file.name)))
        }
        let again = mineRiskError { _ = try store.exportRound("2016", to: folder) }
        #expect(again?.exitStatus == .cantCreate)
    }
}
