import Foundation
import Testing
@testable import MineRisk

/// The registry of output formats: each result is written in the formats it lists and refuses any other with a
/// usage error naming them; the grade report's CSV and JSON are streamed, byte for byte what `csv()` and
/// `encodeJSON` give.
@Suite struct OutputRegistryTests {
    func usageMessage(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let MineRiskError.usage(message) {
            return message
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test func refusesAFormatAResultIsNotWrittenIn() {
        let weights = WeightsOutput(criteria: ["a", "b"], weights: [0.25, 0.75])
        #expect(usageMessage { try WeightsOutput.require(.xlsx) } == "this command writes table, json, csv; xlsx is not one of them")
        #expect(usageMessage { try weights.rendered(as: .html, colour: false) } == "this command writes table, json, csv; html is not one of them")
        #expect(usageMessage { try RoundList.require(.csv) } == "this command writes table, json; csv is not one of them")
        #expect(usageMessage { try GradeOutput.require(.html) } == nil)
    }

    @Test func rendersEachListedFormat() throws {
        let weights = WeightsOutput(criteria: ["a", "b"], weights: [0.25, 0.75])
        guard case let .data(csv) = try weights.rendered(as: .csv, colour: false) else { Issue.record("CSV is bytes"); return }
        #expect(String(decoding: csv, as: UTF8.self) == "criterion,weight\r\na,0.25\r\nb,0.75\r\n")
        guard case let .data(json) = try weights.rendered(as: .json, colour: false) else { Issue.record("JSON is bytes"); return }
        #expect(json == (try encodeJSON(weights)))
        guard case .data = try RoundList([]).rendered(as: .table, colour: false) else { Issue.record("a table is bytes"); return }
    }

    @Test func streamsTheGradeReportsCSVAndJSON() throws {
        let report = try ExportFixtures.report()
        let output = GradeOutput(report: report, models: try ExportFixtures.models())
        for (format, expected) in [(OutputFormat.csv, Data(report.csv().utf8)), (.json, try encodeJSON(report))] {
            guard case let .stream(write) = try output.rendered(as: format, colour: false) else {
                Issue.record("\(format) is not streamed")
                continue
            }
            let folder = try ExportFixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let path = folder + "/out"
            try ByteSink.write(to: path, write)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == expected, "\(format)")
        }
        guard case .workbook = try output.rendered(as: .xlsx, colour: false) else { Issue.record("xlsx is a workbook"); return }
    }
}
