import Foundation
import Testing
import ZIPFoundation
@testable import MineRisk

/// The streaming workbook reader: the writer's output read back, and sheet XML as other programs write it.
@Suite struct XLSXReaderTests {
    /// A workbook of hand-written parts, zipped.
    private func workbook(sheet: String, sharedStrings: String? = nil, prefix: String = "") throws -> (String, URL) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("hand.xlsx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        var parts: [(String, String)] = [
            ("_rels/.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <\(prefix)workbook xmlns\(prefix.isEmpty ? "" : ":" + prefix.dropLast())="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><\(prefix)sheets>\
                <\(prefix)sheet name="登记 Register" sheetId="1" rel:id="rId7"/></\(prefix)sheets></\(prefix)workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>\
                <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>\
                </Relationships>
                """),
            ("xl/worksheets/data.xml", sheet),
        ]
        if let sharedStrings { parts.append(("xl/strings.xml", sharedStrings)) }
        for (name, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return (path, folder)
    }

    @Test func writerOutputReadsBackCellForCell() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.xlsx").path
        let rows: [[XLSXCell]] = [
            [.text("id 编号"), .text("value 分值")],
            [.text("A_x0041_<&>"), .number(0.1 + 0.2)],
            [XLSXCell(.empty, style: XLSXStyle(locked: false)), .number(-3)],
        ]
        try XLSXWorkbook(sheets: [XLSXSheet(name: "一", rows: [[.text("x")]]), XLSXSheet(name: "二", rows: rows)]).write(to: path)
        let reader = try XLSXReader(path: path)
        #expect(reader.sheetNames == ["一", "二"])
        let read = try reader.rows(sheet: 1)
        #expect(read.map(\.number) == [1, 2, 3])
        #expect(read[0].column(headed: "value") == 1)
        #expect(read[1][0]?.value == .text("A_x0041_<&>"))
        #expect(read[1][1]?.value == .number(0.1 + 0.2))
        #expect(read[2].cells.map(\.reference) == ["B3"], "a styled empty cell is no cell")
        #expect(read[2][1]?.number == -3)
    }

    @Test func inlineStringsFormulasNumbersAsTextAndGapsAsOtherProgramsWriteThem() throws {
        let sheet = """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>code</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>\
            <x:row r="2"/>\
            <x:row r="4"><x:c r="A4" t="s"><x:v>1</x:v></x:c><x:c r="C4" t="str"><x:f>A4&amp;"!"</x:f><x:v>TP-08!</x:v></x:c></x:row>\
            <x:row><x:c t="s"><x:v>2</x:v></x:c><x:c><x:v>1.5E2</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """
        let strings = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>found</t></r><r><t xml:space="preserve"> on</t></r>\
            <rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t> 42 </t></si><si><t>line_x000D_break</t></si></sst>
            """
        let (path, folder) = try workbook(sheet: sheet, sharedStrings: strings, prefix: "x:")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try XLSXReader(path: path)
        #expect(reader.sheetNames == ["登记 Register"])
        let rows = try reader.rows(sheet: 0)
        #expect(rows.map(\.number) == [1, 4, 5], "empty and missing rows are skipped, a row without r follows the one before")
        #expect(rows[0].cells.map(\.text) == ["code", "found on"])
        #expect(rows[0].cells.map(\.reference) == ["A1", "B1"])
        #expect(rows[1][0]?.number == 42, "a number stored as text")
        #expect(rows[1][2]?.value == .text("TP-08!"))
        #expect(rows[1].cells.map(\.reference) == ["A4", "C4"])
        #expect(rows[2].cells.map(\.value) == [.text("line\rbreak"), .number(150), .bool(true), .error("#N/A")])
        #expect(rows[2].cells.map(\.reference) == ["A5", "B5", "C5", "D5"])
    }

    @Test func aMalformedCellIsReportedWithItsSheet() throws {
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1"><v>abc</v></c></row></sheetData></worksheet>
            """
        let (path, folder) = try workbook(sheet: sheet)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try XLSXReader(path: path).rows(sheet: 0)
        } throws: { error in
            "\(error)".contains("hand.xlsx: sheet \"登记 Register\": cell A1 is a number cell holding \"abc\"")
        }
    }

    @Test func aFileThatIsNotAWorkbookIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("not.xlsx").path
        try Data("facility_id,value\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: MineRiskError.self) { try XLSXReader(path: path) }
        let ab12 = xlsxParseReference("AB12"), c7 = xlsxParseReference("$C$7")
        #expect(ab12?.column == 27 && ab12?.row == 12)
        #expect(c7?.column == 2 && c7?.row == 7)
        #expect(xlsxParseReference("12") == nil)
    }
}
