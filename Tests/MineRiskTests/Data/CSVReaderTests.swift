import Foundation
import Testing
@testable import MineRisk

@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [[String]] {
        try records(bytes: Array(text.utf8))
    }

    func records(bytes: [UInt8]) throws -> [[String]] {
        var out: [[String]] = []
        let reader = CSVReader(file: "t.csv", text: try TextFile(data: bytes, displayName: "t.csv"))
        try reader.forEachRecord { r in out.append((0..<r.count).map { r.string($0) }) }
        return out
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let rows = try records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n")
        #expect(rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
    }

    @Test func byteOrderMarkAndBlankLines() throws {
        let rows = try records(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n\n1,尾矿库\n".utf8))
        #expect(rows == [["id", "name"], ["1", "尾矿库"]])
    }

    @Test func gb18030IsDecoded() throws {
        // "县,尾矿库" in GB18030.
        let gb: [UInt8] = [0xCF, 0xD8, 0x2C, 0xCE, 0xB2, 0xBF, 0xF3, 0xBF, 0xE2, 0x0A]
        let file = try TextFile(data: gb, displayName: "gb.csv")
        #expect(file.encoding == "GB18030")
        #expect(try records(bytes: gb) == [["县", "尾矿库"]])
    }

    @Test func utf16IsRefusedByName() {
        #expect(throws: MineRiskError.self) { try TextFile(data: [0xFF, 0xFE, 0x61, 0x00], displayName: "u.csv") }
    }

    @Test func lineNumbersFollowQuotedNewlines() throws {
        var lines: [Int] = []
        let reader = CSVReader(file: "t.csv", text: TextFile(utf8: Array("a\n\"b\nc\"\nd\n".utf8), displayName: "t.csv"))
        try reader.forEachRecord { lines.append($0.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test func unterminatedQuoteNamesItsLine() {
        do {
            _ = try records("a,b\n1,\"open\n2,3\n")
            Issue.record("expected an error")
        } catch let MineRiskError.invalidInput(problems, _) {
            #expect(problems.first?.location == SourceLocation(file: "t.csv", line: 2, column: 2))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func numbersAreStrict() {
        func parse(_ s: String) -> Double? { Array(s.utf8).withUnsafeBufferPointer { parseFiniteDouble($0) } }
        #expect(parse(" 12.5 ") == 12.5)
        #expect(parse("1e3") == 1000)
        #expect(parse("nan") == nil)
        #expect(parse("inf") == nil)
        #expect(parse("1e999") == nil)
        #expect(parse("0x10") == nil)
        #expect(parse("") == nil)
        #expect(parse("12abc") == nil)
    }

    @Test func headerChecks() throws {
        let reader = CSVReader(file: "h.csv", text: TextFile(utf8: Array("id,nmae,kind\n".utf8), displayName: "h.csv"))
        do {
            try reader.forEachRecord { r in _ = try CSVHeader(record: r, required: ["id", "name", "kind"]) }
            Issue.record("expected an error")
        } catch let MineRiskError.invalidInput(problems, _) {
            #expect(problems.contains { $0.message.contains("did you mean \"name\"") && $0.location.column == 2 })
            #expect(problems.contains { $0.message.contains("missing column \"name\"") })
        }
    }
}
