import Foundation
@testable import MineRisk

/// The bundled models and seed folders.
let modelsFolder = repositoryRoot.appendingPathComponent("Models").path
let seed2017 = repositoryRoot.appendingPathComponent("seeds/liangshan-2017").path
let planFile = repositoryRoot.appendingPathComponent("seeds/liangshan-plan.yaml").path
let seed2016 = repositoryRoot.appendingPathComponent("seeds/liangshan-2016").path

/// The rows of a CSV file as strings, the header first.
func csvRows(_ path: String) throws -> [[String]] {
    var rows: [[String]] = []
    try CSVReader(path: path).forEachRecord { record in
        rows.append((0..<record.count).map { record.string($0) })
    }
    return rows
}

/// The rows of a CSV file as dictionaries keyed by the header.
func csvTable(_ path: String) throws -> [[String: String]] {
    let rows = try csvRows(path)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

/// Grades a data folder with the bundled models and the default options.
func gradeFolder(_ folder: String) throws -> GradeReport {
    let models = try ModelLoader.load(directory: modelsFolder)
    let data = try DatasetLoader(directory: folder, models: models).load()
    return try Grader(models: models).grade(data)
}
