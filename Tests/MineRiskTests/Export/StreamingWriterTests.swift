import Foundation
import Testing
@testable import MineRisk

/// The streaming writers of `grade` give, byte for byte, what the in-memory ones give: `writeJSON` what
/// `encodeJSON` (JSONEncoder) gives, `writeCSV` what `csv()` gives, on any number of threads.
@Suite struct StreamingWriterTests {
    static let models: ModelSet = try! ModelLoader.load(directory: modelsFolder)

    func grade(_ folder: String) throws -> GradeReport {
        try Grader(models: Self.models).grade(try DatasetLoader(directory: folder, models: Self.models).load())
    }

    /// The bytes `write` puts in a file through a sink.
    func streamed(_ write: (ByteSink) throws -> Void) throws -> Data {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out").path
        try ByteSink.write(to: path, write)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func expectSameBytes(_ report: GradeReport, _ comment: Comment) throws {
        let json = try encodeJSON(report)
        let csv = Data(report.csv().utf8)
        for threads in [1, 3] {
            let streamedJSON = try streamed { try report.writeJSON(to: $0, threads: threads) }
            #expect(streamedJSON == json, "\(comment): JSON on \(threads) threads, \(streamedJSON.count) vs \(json.count) bytes")
            let streamedCSV = try streamed { try report.writeCSV(to: $0, threads: threads) }
            #expect(streamedCSV == csv, "\(comment): CSV on \(threads) threads")
        }
    }

    @Test func liangshan2017() throws {
        try expectSameBytes(try grade(repositoryRoot.appendingPathComponent("seeds/liangshan-2017").path), "seeds/liangshan-2017")
    }

    @Test func exportFixture() throws {
        try expectSameBytes(try ExportFixtures.report(), "export-small")
    }

    /// 2,600 facilities: several blocks of 1,024, the last one short.
    @Test func syntheticNationalRound() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try NationalSynthesizer(models: Self.models, facilities: 2600, experts: 5, seed: 7).write(to: folder.path)
        try expectSameBytes(try grade(folder.path), "national 2600")
    }

    /// Texts JSON escapes and CSV quotes, numbers of every shape, a non-finite score, empty and missing layers.
    @Test func awkwardValues() throws {
        var report = try ExportFixtures.report()
        let names = ["a \"quoted\", name", "line\nbreak\r\ttab", "slash / back\\slash", "\u{01}\u{1F}\u{7F} control", "", "é 中文 🙂"]
        let numbers = [0, -0.0, 1, 1e-7, 123456789.125, -2.5e-300, .nan, .infinity, 0.125, 99.995, 1e16, 5e-324]
        for k in report.facilities.indices {
            report.facilities[k].name = names[k % names.count]
            report.facilities[k].county = names[(k + 1) % names.count]
            report.facilities[k].score = numbers[k % numbers.count]
            report.facilities[k].findings = k % 3 == 0 ? [] : [names[k % names.count], "b"]
            if k % 4 == 0 { report.facilities[k].criteria = [] }
            if k % 5 == 0 { report.facilities[k].membership = numbers.suffix(4) }
            report.facilities[k].vetoes = k % 2 == 0 ? [] : [VetoFinding(code: "X-1", text: names[k % names.count], source: "hazards.csv:\(k)")]
        }
        try expectSameBytes(report, "awkward values")
        report.facilities = []
        try expectSameBytes(report, "no facility")
    }

    /// `FixedDecimal` prints what `String(format: "%.Nf")` prints: ties, signs, tiny and large numbers.
    @Test func fixedDecimalsMatchPrintf() {
        var generator = SplitMix64(seed: 5)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 0.005, 0.015, 99.995, 1e-300, -1e-300, 5e-324,
                                9.2e18, 1e22, -1e22, .nan, .infinity, -.infinity, 0.1, 0.7, 1234.56785]
        for _ in 0..<20_000 {
            let bits = generator.next()
            values.append(Double(bitPattern: bits))
            values.append(Double(bits >> 11) / Double(1 << 53) * [1, 100, 1e6][Int(bits % 3)])
            values.append(Double(Int(bits % 100_000)) / 1000 - 50) // decimal ties of three places
        }
        for x in values {
            for decimals in [0, 1, 2, 4] {
                let expected = String(format: "%.\(decimals)f", x)
                #expect(FixedDecimal.text(x, decimals: decimals) == expected, "\(x) with \(decimals) decimals")
            }
        }
    }
}
