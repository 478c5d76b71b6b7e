import Foundation
@testable import MineRisk

/// The export tests' data: a 23-facility round in 11 Liangshan counties graded with the repository's models.
enum ExportFixtures {
    /// The repository root (Support.swift finds it).
    static let repositoryRoot: String = MineRiskTests.repositoryRoot.path

    /// Tests/MineRiskTests/Fixtures/export-small: 7 underground mines (one incomplete, one idle 9 months),
    /// 5 open pits (one veto), 7 tailings ponds of classes 2–5 (one class-3 pond unmonitored, one veto), 4 coal mines.
    static var dataDirectory: String { repositoryRoot + "/Tests/MineRiskTests/Fixtures/export-small" }
    static var modelsDirectory: String { repositoryRoot + "/Models" }

    static func models() throws -> ModelSet { try ModelLoader.load(directory: modelsDirectory) }

    /// The fixture graded with default options.
    static func report() throws -> GradeReport {
        let models = try models()
        let data = try DatasetLoader(directory: dataDirectory, models: models).load()
        return try Grader(models: models).grade(data)
    }

    /// A fresh empty folder, removed by the caller.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "minerisk-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Parses CSV text (RFC 4180) into rows of fields with the engine's reader.
    static func parseCSV(_ text: String) throws -> [[String]] {
        let reader = CSVReader(file: "export.csv", text: TextFile(utf8: Array(text.utf8), displayName: "export.csv"))
        var rows: [[String]] = []
        try reader.forEachRecord { record in rows.append((0..<record.count).map { record.string($0) }) }
        return rows
    }
}
