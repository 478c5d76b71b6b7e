import Foundation
import Testing
@testable import MineRisk

/// The workbook writer: parts, frozen panes, autofilter, fills, numbers as numbers, widths, names.
@Suite struct XLSXWorkbookTests {
    private static let created = Date(timeIntervalSince1970: 1_500_000_000)

    private func written(_ workbook: XLSXWorkbook) throws -> (reader: XLSXTestReader, folder: String, path: String) {
        let folder = try ExportFixtures.temporaryFolder()
        let path = folder + "/book.xlsx"
        try workbook.write(to: path)
        return (try XLSXTestReader(path: path), folder, path)
    }

    @Test func workbookHasEveryPackagePartAndEachIsWellFormed() throws {
        let (reader, folder, _) = try written(try ExportFixtures.report().workbook(created: Self.created))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected: Set = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
                             "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
                             "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"]
        #expect(Set(reader.entryPaths) == expected)
        for path in expected { _ = try reader.xml(path) }
        let sheets = try reader.nodes("xl/workbook.xml", "//*[local-name()='sheet']").map { $0.value(of: "name") }
        #expect(sheets == ["风险分级 Grades", "汇总 Summary", "准则层 Criteria", "一致性 Consistency"])
        let overrides = try reader.nodes("[Content_Types].xml", "//*[local-name()='Override']").compactMap { $0.value(of: "PartName") }
        #expect(overrides.contains("/xl/worksheets/sheet2.xml"))
    }

    /// The criterion sheet has a row per evaluated facility and criterion; the consistency sheet every matrix
    /// and a CR_total per model, as numbers.
    @Test func criteriaAndConsistencySheets() throws {
        let report = try ExportFixtures.report()
        let criteria = report.criteriaSheet()
        #expect(criteria.rowCount == 1 + report.facilities.reduce(0) { $0 + ($1.criteria?.count ?? 0) })
        let consistency = report.consistencySheet()
        let matrices = report.provenance.models.reduce(0) { $0 + ($1.consistency?.matrices.count ?? 0) + 1 }
        #expect(consistency.rows.count == 1 + matrices)
        let firstModel = try #require(report.provenance.models.first?.consistency)
        #expect(consistency.rows[1][3].value == .number(firstModel.matrices[0].lambdaMax))
    }

    @Test func gradeSheetMatchesTheCSVCellByCell() throws {
        let report = try ExportFixtures.report()
        let (reader, folder, _) = try written(report.workbook(created: Self.created))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cells = try reader.cells(sheet: 1)
        let csv = try ExportFixtures.parseCSV(report.csv())
        var compared = 0
        for (r, row) in csv.enumerated() {
            for (c, text) in row.enumerated() {
                let reference = xlsxCellReference(row: r, column: c)
                let cell = cells[reference]
                if text.isEmpty {
                    #expect(cell == nil || cell!.value.isEmpty, "\(reference) should be empty")
                    continue
                }
                let found = try #require(cell, "\(reference) is missing")
                if let expected = Double(text), r > 0 {
                    #expect(found.type == nil, "\(reference) \(text) must be stored as a number")
                    let value = try #require(Double(found.value))
                    let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
                    #expect(abs(value - expected) <= 0.5 * pow(10, -Double(decimals)) + 1e-12, "\(reference): \(value) vs \(text)")
                    let format = try reader.numberFormat(ofStyle: found.style)
                    #expect(format == (decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)))
                } else {
                    #expect(found.type == "inlineStr", "\(reference) is text, written inline")
                    #expect(found.value == text, "\(reference)")
                }
                compared += 1
            }
        }
        #expect(compared > report.facilities.count * 15)
    }

    @Test func gradeCellsAreFilledWithTheGradeColour() throws {
        let report = try ExportFixtures.report()
        let (reader, folder, _) = try written(report.workbook(created: Self.created))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cells = try reader.cells(sheet: 1)
        var seen = Set<RiskGrade>()
        for (i, facility) in report.orderedFacilities.enumerated() {
            for column in GradeTableColumns.gradeColumns {
                let cell = cells[xlsxCellReference(row: i + 1, column: column)]
                if let grade = facility.grade {
                    #expect(try reader.fill(ofStyle: cell!.style) == "FF" + grade.rgb, "\(facility.id) column \(column)")
                    seen.insert(grade)
                } else {
                    let fill = try cell.map { try reader.fill(ofStyle: $0.style) } ?? nil
                    #expect(fill == nil)
                }
            }
            #expect(try reader.fill(ofStyle: cells[xlsxCellReference(row: i + 1, column: 0)]!.style) == nil, "only grade cells are filled")
        }
        #expect(seen == Set(RiskGrade.allCases), "the fixture has every grade")
    }

    @Test func headerIsFrozenAndFilteredAndColumnsSized() throws {
        let report = try ExportFixtures.report()
        let (reader, folder, _) = try written(report.workbook(created: Self.created))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pane = try #require(try reader.nodes("xl/worksheets/sheet1.xml", "//*[local-name()='pane']").first)
        #expect(pane.value(of: "state") == "frozen")
        #expect(pane.value(of: "ySplit") == "1")
        #expect(pane.value(of: "topLeftCell") == "C2")
        let last = xlsxCellReference(row: report.facilities.count, column: GradeTableColumns.headers.count - 1)
        let filter = try reader.nodes("xl/worksheets/sheet1.xml", "//*[local-name()='autoFilter']").first
        #expect(filter?.value(of: "ref") == "A1:" + last)
        let name = try reader.nodes("xl/workbook.xml", "//*[local-name()='definedName']").first
        #expect(name?.value(of: "name") == "_xlnm._FilterDatabase")
        #expect(name?.stringValue == "'风险分级 Grades'!$A$1:$" + last.prefix { $0.isLetter } + "$" + last.drop { $0.isLetter })
        let widths = try reader.nodes("xl/worksheets/sheet1.xml", "//*[local-name()='col']").compactMap { Double($0.value(of: "width") ?? "") }
        #expect(widths.count == GradeTableColumns.headers.count)
        #expect(widths[1] > widths[0], "Chinese names are wider than ids")
        #expect(try reader.nodes("xl/worksheets/sheet2.xml", "//*[local-name()='pane']").isEmpty)
    }

    @Test func columnWidthsCountEastAsianCharactersDouble() {
        let sheet = XLSXSheet(name: "w", rows: [[.text("abcdef"), .text("尾矿库尾矿库"), .number(3.14159, style: XLSXStyle(numberFormat: "0.00"))]])
        #expect(sheet.effectiveColumnWidths == [8, 14, 6])
        let titled = XLSXSheet(name: "t", rows: [[.text("一个很长很长很长很长的标题 A long title")], [.text("a"), .text("b")]])
        #expect(titled.effectiveColumnWidths == [6, 6], "a one-cell title row overflows instead of widening")
    }

    @Test func summarySheetCountsMatchTheReport() throws {
        let report = try ExportFixtures.report()
        let (reader, folder, _) = try written(report.workbook(created: Self.created))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cells = try reader.cells(sheet: 2)
        var rows: [Int: [String]] = [:]
        for (reference, cell) in cells {
            let row = Int(reference.drop { $0.isLetter })!
            let column = reference.prefix { $0.isLetter }.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            rows[row, default: []].append("")
            while rows[row]!.count <= column { rows[row]!.append("") }
            rows[row]![column] = cell.value
        }
        let lines = rows.keys.sorted().map { rows[$0]! }
        for (county, count) in report.summary.byCounty {
            let line = try #require(lines.first { $0.first == county }, "county \(county)")
            #expect(line[1] == String(count.facilities))
            #expect(line[3] == String(count.byGrade["major"] ?? 0))
        }
        #expect(lines.contains { $0.first == "专家会诊 Assessed" && $0[1] == String(report.summary.facilities) })
        for finding in report.facilities.flatMap(\.findings) { #expect(lines.contains { $0.contains(finding) }) }
    }

    @Test func columnNamesAndSheetNames() {
        #expect([0, 25, 26, 51, 52, 701, 702].map(xlsxColumnName) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
        let book = XLSXWorkbook(sheets: [XLSXSheet(name: "a/b:c?"), XLSXSheet(name: String(repeating: "长", count: 40)),
                                         XLSXSheet(name: "A/B:C?"), XLSXSheet(name: "")])
        #expect(book.sheetNames == ["a_b_c_", String(repeating: "长", count: 31), "A_B_C_ (2)", "Sheet4"])
    }

    @Test func textIsEscapedAndNonFiniteNumbersAreEmpty() throws {
        let sheet = XLSXSheet(name: "x", rows: [[.text("a & <b> \u{7}bell"), .text("_x0041_ literal"), .number(Double.nan), .number(Double.infinity), .number(1e-5)]])
        let (reader, folder, _) = try written(XLSXWorkbook(sheets: [sheet], created: Self.created))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let raw = String(decoding: try reader.data("xl/sharedStrings.xml"), as: UTF8.self)
        #expect(raw.contains("a &amp; &lt;b&gt; bell"), "markup escaped, the control character dropped")
        #expect(raw.contains("_x005F_x0041_ literal"), "a literal _xHHHH_ is protected")
        let cells = try reader.cells(sheet: 1)
        #expect(cells["C1"] == nil && cells["D1"] == nil)
        #expect(Double(cells["E1"]!.value) == 1e-5)
    }

    @Test func sameWorkbookWritesSameBytes() throws {
        let book = try ExportFixtures.report().workbook(created: Self.created)
        let (_, folder, path) = try written(book)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let second = folder + "/again.xlsx"
        try book.write(to: second)
        #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: second))
    }
}
