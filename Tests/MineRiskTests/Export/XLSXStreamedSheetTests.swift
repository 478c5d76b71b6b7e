import Foundation
import Testing
@testable import MineRisk

/// Sheets whose rows come from a source (made, written and deflated a block at a time on all processors) read
/// back like the same rows held in memory; a table longer than a worksheet holds goes on in further sheets.
@Suite struct XLSXStreamedSheetTests {
    private static let created = Date(timeIntervalSince1970: 1_500_000_000)

    /// The same workbook with every row made up front: the writer takes its sequential path (shared strings).
    private func inMemory(_ book: XLSXWorkbook) -> XLSXWorkbook {
        var copy = book
        copy.sheets = book.sheets.map { sheet in
            var whole = sheet
            whole.rows = sheet.allRows
            whole.source = nil
            return whole
        }
        return copy
    }

    @Test func streamedSheetsReadBackLikeTheSameRowsHeldInMemory() throws {
        let book = try ExportFixtures.report().workbook(created: Self.created)
        #expect(book.sheets.contains { $0.source != nil }, "the grade table is made from a source")
        let folder = try ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try book.write(to: folder + "/streamed.xlsx")
        try inMemory(book).write(to: folder + "/memory.xlsx")
        let streamed = try XLSXReader(path: folder + "/streamed.xlsx")
        let memory = try XLSXReader(path: folder + "/memory.xlsx")
        #expect(streamed.sheetNames == memory.sheetNames)
        let streamedStyles = try XLSXTestReader(path: folder + "/streamed.xlsx")
        let memoryStyles = try XLSXTestReader(path: folder + "/memory.xlsx")
        for sheet in streamed.sheetNames.indices {
            let a = try streamed.rows(sheet: sheet), b = try memory.rows(sheet: sheet)
            #expect(a == b, "sheet \(streamed.sheetNames[sheet]): values differ")
            if book.sheets[sheet].source != nil { #expect(a.count == book.sheets[sheet].rowCount, "a table has no blank rows") }
            // Styles are numbered differently by the two paths; what they mean must be the same.
            let aCells = try streamedStyles.cells(sheet: sheet + 1), bCells = try memoryStyles.cells(sheet: sheet + 1)
            #expect(Set(aCells.keys) == Set(bCells.keys))
            for (reference, cell) in aCells {
                guard let other = bCells[reference] else { continue }
                #expect(try streamedStyles.numberFormat(ofStyle: cell.style) == memoryStyles.numberFormat(ofStyle: other.style),
                        "\(reference) number format")
                #expect(try streamedStyles.fill(ofStyle: cell.style) == memoryStyles.fill(ofStyle: other.style),
                        "\(reference) fill")
            }
            let widths = { (reader: XLSXTestReader) in
                try reader.nodes("xl/worksheets/sheet\(sheet + 1).xml", "//*[local-name()='col']").map { $0.value(of: "width") }
            }
            #expect(try widths(streamedStyles) == widths(memoryStyles))
        }
    }

    @Test func aTableLongerThanTheRowLimitGoesOnInFurtherSheetsEachWithItsHeader() throws {
        let report = try ExportFixtures.report()
        let grades = report.gradeSheet()
        let limit = 50
        let book = XLSXWorkbook(sheets: [grades], created: Self.created)
        let folder = try ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try book.write(to: folder + "/long.xlsx", rowLimit: limit)
        let reader = try XLSXReader(path: folder + "/long.xlsx")
        let dataRows = grades.rowCount - 1
        let parts = (dataRows + limit - 2) / (limit - 1)
        #expect(reader.sheetNames.count == parts)
        #expect(reader.sheetNames.first == grades.name)
        #expect(reader.sheetNames.dropFirst().enumerated().allSatisfy { $0.element.hasSuffix(" (\($0.offset + 2))") })

        let whole = try XLSXReader(path: { () -> String in
            let path = folder + "/whole.xlsx"
            try XLSXWorkbook(sheets: [grades], created: Self.created).write(to: path)
            return path
        }())
        let wholeRows = try whole.rows(sheet: 0)
        var continued: [[XLSXReadCell.Value]] = []
        for sheet in reader.sheetNames.indices {
            let rows = try reader.rows(sheet: sheet)
            #expect(rows.count <= limit)
            #expect(rows.first?.cells.map(\.value) == wholeRows.first?.cells.map(\.value), "each part starts with the header")
            continued += rows.dropFirst().map { $0.cells.map(\.value) }
        }
        #expect(continued == wholeRows.dropFirst().map { $0.cells.map(\.value) })
    }

    @Test func rowsHeldInMemoryOverTheLimitAreAnErrorAndNothingIsWritten() throws {
        let rows = (0..<10).map { [XLSXCell.number(Double($0))] }
        let book = XLSXWorkbook(sheets: [XLSXSheet(name: "Numbers", rows: rows)], created: Self.created)
        let folder = try ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: MineRiskError.self) { try book.write(to: folder + "/numbers.xlsx", rowLimit: 5) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/numbers.xlsx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "no temporary file left behind")
    }
}
