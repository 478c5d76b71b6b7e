import Foundation
import Testing
@testable import MineRisk

@Suite struct ModelValidationTests {
    let original = try! String(contentsOfFile: repositoryRoot.appendingPathComponent("Models/tailings_pond.yaml").path, encoding: .utf8)

    func load(_ text: String) throws -> LoadedModel {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("tailings_pond.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ModelLoader.load(path: path)
    }

    func problems(_ text: String) -> [InputProblem] {
        do {
            _ = try load(text)
            return []
        } catch let MineRiskError.invalidInput(problems, _) {
            return problems
        } catch {
            return [InputProblem(SourceLocation(file: "?"), "\(error)")]
        }
    }

    @Test func bundledModelsLoadAndAreConsistent() throws {
        let models = try ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)
        #expect(models.models.count == 4)
        for (_, loaded) in models.models {
            for table in RandomIndexTable.allCases {
                let weights = try ModelWeights(loaded, method: .eigenvector, riTable: table)
                expectClose(weights.global.reduce(0, +), 1, tolerance: 1e-12)
            }
        }
    }

    @Test func notReciprocalIsReportedWithItsPath() {
        let bad = original.replacingOccurrences(of: "- [\"1/2\", 1, 2, 3, 4, 5]", with: "- [\"1/3\", 1, 2, 3, 4, 5]")
        let found = problems(bad)
        #expect(found.contains { $0.location.path == "criteria.items[0].matrix" && $0.message.contains("not reciprocal at (1,2): 2 vs 0.333333") })
    }

    @Test func wrongTypeIsReportedWithItsPath() {
        let bad = original.replacingOccurrences(of: "gradeValues: [12.5, 37.5, 62.5, 87.5]", with: "gradeValues: [12.5, lots, 62.5, 87.5]")
        let found = problems(bad)
        #expect(found.first?.location.path == "grading.gradeValues[1]")
    }

    @Test func bandsWithGapsOrOverlaps() {
        let gap = original.replacingOccurrences(of: "{grade: general, from: 25, to: 50}", with: "{grade: general, from: 30, to: 50}")
        #expect(problems(gap).contains { $0.location.path == "grading.bands" && $0.message.contains("gap between low (to 25.0) and general (from 30.0)") })
        let overlap = original.replacingOccurrences(of: "{grade: significant, from: 50, to: 75}", with: "{grade: significant, from: 45, to: 75}")
        #expect(problems(overlap).contains { $0.message.contains("overlaps") })
    }

    /// A misspelt optional key would otherwise be dropped in silence: it is an error with its line and path.
    @Test func unknownKeysAreRefused() {
        let line = original.components(separatedBy: "\n").firstIndex { $0.contains("range:") }! + 1
        var lines = original.components(separatedBy: "\n")
        lines[line - 1] = lines[line - 1].replacingOccurrences(of: "range:", with: "rnage:")
        let found = problems(lines.joined(separator: "\n"))
        #expect(found.count == 1)
        #expect(found.first?.location.line == line)
        #expect(found.first?.location.path?.hasSuffix(".rnage") == true)
        #expect(found.first?.message.contains("unknown key \"rnage\": did you mean \"range\"?") == true)
    }

    @Test func yamlSyntaxErrorsHaveLineAndColumn() {
        let found = problems(original.replacingOccurrences(of: "kind: tailings_pond\n", with: "kind: [tailings_pond\n"))
        #expect(found.first?.location.line != nil)
        #expect(found.first?.message.contains("not valid YAML") == true)
    }

    @Test func missingKeyAndUnknownFormat() {
        let noKind = original.replacingOccurrences(of: "kind: tailings_pond\n", with: "")
        #expect(problems(noKind).contains { $0.location.path == "kind" && $0.message.contains("missing key") })
        let version = original.replacingOccurrences(of: "format: {kind: indicator-model, version: 1}", with: "format: {kind: indicator-model, version: 2}")
        #expect(problems(version).contains { $0.location.path == "format.version" })
    }

    /// An inconsistent matrix stops a grading run, naming the matrix and the judgement that contributes most.
    @Test func inconsistentMatrixStopsGrading() throws {
        let bad = original.replacingOccurrences(of: "- [1, 2, 3, 4, 5, 6]\n", with: "- [1, 2, 3, 4, 5, \"1/6\"]\n")
            .replacingOccurrences(of: "- [\"1/6\", \"1/5\", \"1/4\", \"1/3\", \"1/2\", 1]", with: "- [6, \"1/5\", \"1/4\", \"1/3\", \"1/2\", 1]")
        let loaded = try load(bad)
        do {
            _ = try ModelWeights(loaded, method: .eigenvector, riTable: .chinese)
            Issue.record("expected an inconsistency error")
        } catch let MineRiskError.invalidInput(problems, _) {
            #expect(problems[0].location.path == "criteria.items[0].matrix")
            #expect(problems[0].message.contains("inconsistent judgements"))
            #expect(problems[0].message.contains("the judgement at (1,6)"))
        }
    }
}
