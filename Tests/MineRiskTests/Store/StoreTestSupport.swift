import Foundation
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
func gradeAndSave(_ store: SQLiteStore, round: String, models: ModelSet, options: GradingOptions = GradingOptions()) throws -> GradeReport {
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
