import Foundation
import MineRisk

/// The store fixture rounds of the library tests.
func storeFixtureRound(_ round: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures/store/\(round)").path
}

/// The repository's models folder.
let modelsFolder = repositoryRoot.appendingPathComponent("Models").path

/// Runs `minerisk db …` (or any command) against a store, with the repository's models.
func db(_ arguments: [String], store: String, in folder: URL = repositoryRoot) throws -> CLIResult {
    try minerisk(arguments + ["--db", store], in: folder)
}

/// Imports a round through the CLI, expecting success.
@discardableResult
func importRound(_ data: String, round: String, store: String) throws -> CLIResult {
    let result = try db(["db", "import", "--data", data, "--round", round, "--models", modelsFolder], store: store)
    if result.status != 0 { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
    return result
}

/// Writes a synthetic round of `count` underground mines, each assessed on every indicator by two experts,
/// with values inside each indicator's range; returns how many assessment rows it wrote.
func writeSyntheticRound(to folder: URL, facilities count: Int) throws -> Int {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let models = try ModelLoader.load(directory: modelsFolder)
    let indicators = try require(models[.undergroundMine], "underground model").model.indicators
    var facilities = "id,name,kind,county,standardized,status\n"
    var assessments = "facility_id,expert_id,indicator_id,value\n"
    var rows = 0
    for i in 0..<count {
        let id = String(format: "S%05d", i)
        facilities += "\(id),合成矿山\(i),underground_mine,县\(i % 17),\(i % 3 == 0 ? "yes" : "no"),operating\n"
        for expert in ["E1", "E2"] {
            for (j, indicator) in indicators.enumerated() {
                let value: Double
                if indicator.scale == .level {
                    value = Double(1 + (i + j) % 4)
                } else {
                    let low = indicator.range?.first ?? 0, high = indicator.range?.last ?? 100
                    value = low + (high - low) * Double((i * 7 + j * 3 + (expert == "E1" ? 0 : 5)) % 100) / 100
                }
                assessments += "\(id),\(expert),\(indicator.id),\(value)\n"
                rows += 1
            }
        }
    }
    try facilities.write(to: folder.appendingPathComponent("facilities.csv"), atomically: true, encoding: .utf8)
    try "id,name,title,weight\nE1,专家一,高级工程师,1\nE2,专家二,工程师,1\n".write(to: folder.appendingPathComponent("experts.csv"), atomically: true, encoding: .utf8)
    try assessments.write(to: folder.appendingPathComponent("assessments.csv"), atomically: true, encoding: .utf8)
    try "facility_id,code,description,found_on\n".write(to: folder.appendingPathComponent("hazards.csv"), atomically: true, encoding: .utf8)
    return rows
}

/// `try #require` for plain functions: the value, or an error naming what was missing.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw CocoaError(.coderValueNotFound, userInfo: [NSLocalizedDescriptionKey: "missing \(what)"]) }
    return value
}
