import Foundation
import Testing
@testable import MineRisk

/// A register kept in Excel, as LibreOffice writes it (scripts/make_hazard_register_fixture.sh): every row is
/// accounted for, Chinese headers, shared strings, date cells, dates as text and numbers stored as text are read.
@Suite struct HazardImportTests {
    @Test func theLibreOfficeRegisterImportsEveryRow() throws {
        let imported = try HazardWorkbookImport.read(path: fixture("hazards/libreoffice-register.xlsx"))
        #expect(imported.headerRow == 2, "the title row above the header is skipped")
        #expect(imported.rows.map(\.sheetRow) == [3, 4, 6, 7])
        #expect(imported.blankRows == [5])
        #expect(imported.rows.count + imported.blankRows.count == 7 - imported.headerRow, "every row under the header is accounted for")
        let rows = imported.rows.map { Dictionary(uniqueKeysWithValues: zip(HazardFinding.columns, $0.cells)) }
        #expect(rows.map { $0["id"]! } == ["001", "002", "003", "004"], "numbers stored as text keep their zeros")
        #expect(rows[0]["found_on"] == "2017-03-01", "a date cell")
        #expect(rows[0]["deadline"] == "2017-04-30", "2017/4/30 as text")
        #expect(rows[0]["accepted_on"] == "2017-04-20", "2017年4月20日 as text")
        #expect(rows.map { $0["level"]! } == ["major", "major", "general", "general"])
        #expect(rows.map { $0["status"]! } == ["closed", "rectifying", "open", "closed"])
        #expect(rows[3]["reopened"] == "1" && rows[0]["funds"] == "20万元")
    }

    @Test func theImportedRowsReadAsARegister() throws {
        let imported = try HazardWorkbookImport.read(path: fixture("hazards/libreoffice-register.xlsx"))
        var writer = CSVWriter(byteOrderMark: false, lineEnd: "\n")
        for row in imported.csvRows() { writer.row(row) }
        var files: [String: [UInt8]] = [:]
        for name in ["facilities.csv", "experts.csv", "assessments.csv", "round.yaml"] {
            files[name] = try bytes(fixture("mini/\(name)"))
        }
        files["hazards.csv"] = [UInt8](writer.text.utf8)
        var loader = DatasetLoader(files: files, models: try repositoryModels())
        loader.catalog = try HazardCatalog.load(directory: repositoryRoot.appendingPathComponent("Lists").path)
        let data = try loader.load()
        #expect(data.hazards.count == imported.rows.count)
        #expect(imported.cell(line: 4, column: 3) == "C6", "hazards.csv line 4 is sheet row 6")
    }

    @Test func dateSerialsAreTheCalendarsDays() {
        func cell(_ v: XLSXReadCell.Value) -> XLSXReadCell { XLSXReadCell(reference: "G3", row: 3, column: 6, value: v) }
        #expect(HazardWorkbookImport.isoDate(cell(.number(42795))) == "2017-03-01")
        #expect(HazardWorkbookImport.isoDate(cell(.text("2017.3.1"))) == "2017-03-01")
        #expect(HazardWorkbookImport.isoDate(cell(.text("2017-02-30"))) == nil)
    }
}
