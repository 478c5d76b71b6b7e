import Foundation
import Testing
@testable import MineRisk

/// The benchmark generator: deterministic for a seed, the requested counts, and data the engine grades.
@Suite struct NationalSynthTests {
    private func generate(facilities: Int, experts: Int, seed: UInt64) throws -> (URL, NationalSynthesizer.Summary) {
        let models = try ModelLoader.load(directory: modelsFolder)
        let folder = try temporaryFolder()
        let summary = try NationalSynthesizer(models: models, facilities: facilities, experts: experts, seed: seed)
            .write(to: folder.path)
        return (folder, summary)
    }

    private func bytes(_ folder: URL, _ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func sameSeedSameBytes() throws {
        let (a, _) = try generate(facilities: 300, experts: 7, seed: 11)
        let (b, _) = try generate(facilities: 300, experts: 7, seed: 11)
        let (c, _) = try generate(facilities: 300, experts: 7, seed: 12)
        for name in ["facilities.csv", "experts.csv", "assessments.csv", "hazards.csv"] {
            #expect(try bytes(a, name) == bytes(b, name), "\(name) differs between two runs with one seed")
        }
        #expect(try bytes(a, "assessments.csv") != bytes(c, "assessments.csv"))
    }

    @Test func requestedCountsLoadAndGrade() throws {
        let (folder, summary) = try generate(facilities: 400, experts: 5, seed: 3)
        #expect(summary.facilities == 400)
        #expect(summary.experts == 5)
        #expect(try csvRows(folder.appendingPathComponent("facilities.csv").path).count == 401)
        #expect(try csvRows(folder.appendingPathComponent("experts.csv").path).count == 6)
        #expect(try csvRows(folder.appendingPathComponent("assessments.csv").path).count == summary.assessments + 1)
        let report = try gradeFolder(folder.path)
        #expect(report.summary.facilities == 400)
        #expect(report.summary.incomplete == summary.incomplete)
        #expect(report.summary.graded == 400 - summary.incomplete)
        #expect(report.summary.byKind.count == 4)
        // Every expert assesses every facility, leaving an indicator to the others now and then.
        let m = try ModelLoader.load(directory: modelsFolder).models.values.map { $0.model.indicators.count }
        #expect(summary.assessments <= 400 * 5 * m.max()!)
        #expect(summary.assessments >= 400 * 5 * m.min()! * 8 / 10)
        #expect(report.facilities.allSatisfy { $0.experts == 5 })
    }

    @Test func rejectsImpossibleSizes() throws {
        let models = try ModelLoader.load(directory: modelsFolder)
        #expect(throws: MineRiskError.self) { try NationalSynthesizer(models: models, facilities: 0, experts: 7, seed: 1) }
        #expect(throws: MineRiskError.self) { try NationalSynthesizer(models: models, facilities: 10, experts: 0, seed: 1) }
    }
}

/// The fixed-point numbers every generated file is written with.
@Suite struct SynthFormattingTests {
    @Test(arguments: [(12.345, 1, "12.3"), (-2.5, 0, "-3"), (2.5, 0, "3"), (-0.0004, 3, "0.000"), (1234567.891, 2, "1234567.89"),
                      (0.05, 2, "0.05"), (100, 1, "100.0"), (7, 0, "7")])
    func fixed(value: Double, decimals: Int, expected: String) {
        #expect(fixedText(value, decimals: decimals) == expected)
    }

    /// The helpers draw from SplitMix64 alone: a seed fixes every draw.
    @Test func drawsAreReproducible() {
        var a = SplitMix64(seed: 42, stream: 3, item: 9), b = SplitMix64(seed: 42, stream: 3, item: 9)
        var items = Array(0..<20), same = Array(0..<20)
        a.shuffle(&items)
        b.shuffle(&same)
        #expect(items == same)
        #expect(items.sorted() == Array(0..<20))
        #expect(a.weightedIndex([1, 0, 3]) == b.weightedIndex([1, 0, 3]))
        var c = SplitMix64(seed: 42, stream: 3, item: 10)
        #expect(c.next() != a.next())
        for _ in 0..<1000 {
            let x = a.integer(3, 7)
            #expect((3...7).contains(x))
        }
    }
}
