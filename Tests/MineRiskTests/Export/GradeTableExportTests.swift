import Foundation
import Testing
@testable import MineRisk

/// CSV, Markdown and the typed grade-table cells that every tabular format shares.
@Suite struct GradeTableExportTests {
    @Test func csvStartsWithByteOrderMarkAndUsesCRLF() throws {
        let csv = try ExportFixtures.report().csv()
        let bytes = Array(csv.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "Excel needs the UTF-8 BOM to show Chinese")
        #expect(csv.contains("\r\n"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF (RFC 4180 §2.1)")
        #expect(try ExportFixtures.report().csv(byteOrderMark: false).hasPrefix("编号 ID,"))
    }

    @Test func csvReadsBackToTheTypedCells() throws {
        let report = try ExportFixtures.report()
        let rows = try ExportFixtures.parseCSV(report.csv())
        #expect(rows.first == GradeTableColumns.headerTitles)
        #expect(rows.count == report.facilities.count + 1)
        for (row, facility) in zip(rows.dropFirst(), report.orderedFacilities) {
            let cells = GradeTableColumns.typedCells(facility)
            #expect(row.count == GradeTableColumns.headers.count)
            #expect(row == cells.map(\.text))
        }
    }

    @Test func typedCellsKeepNumbersAsNumbers() throws {
        let report = try ExportFixtures.report()
        let graded = try #require(report.facilities.first { $0.status == .graded && $0.tailingsClass != nil })
        let cells = GradeTableColumns.typedCells(graded)
        guard case let .number(score, decimals) = cells[10] else { Issue.record("score is not a number: \(cells[10])"); return }
        #expect(abs(score - graded.score!) < 1e-12)
        #expect(decimals == 2)
        guard case .number(_, 4) = cells[11] else { Issue.record("μ low is not a 4-decimal number"); return }
        guard case let .number(pondClass, 0) = cells[16] else { Issue.record("pond class is not a whole number"); return }
        #expect(Int(pondClass) == graded.tailingsClass)
        let incomplete = try #require(report.facilities.first { $0.status == .incomplete })
        #expect(GradeTableColumns.typedCells(incomplete)[10] == .empty)
        #expect(GradeTableColumns.typedCells(incomplete)[5] == .empty)
    }

    @Test func csvQuotesFieldsAsRFC4180Says() throws {
        #expect(CSVWriter.quote("plain") == "plain")
        #expect(CSVWriter.quote("a,b") == "\"a,b\"")
        #expect(CSVWriter.quote("边坡 \"5 cm\"") == "\"边坡 \"\"5 cm\"\"\"")
        #expect(CSVWriter.quote("two\nlines") == "\"two\nlines\"")
        var writer = CSVWriter(byteOrderMark: false)
        writer.row(["id", "note"])
        writer.row(["TP-1", "裂缝, \"宽\"\n5 cm"])
        #expect(try ExportFixtures.parseCSV(writer.text) == [["id", "note"], ["TP-1", "裂缝, \"宽\"\n5 cm"]])
    }

    @Test func markdownHasARowPerFacilityAndEscapesPipes() throws {
        let report = try ExportFixtures.report()
        let markdown = report.markdown()
        for facility in report.facilities { #expect(markdown.contains("| \(facility.id) |")) }
        var piped = report
        piped.facilities[0].name = "a|b"
        #expect(piped.markdown().contains("a\\|b"))
    }
}
