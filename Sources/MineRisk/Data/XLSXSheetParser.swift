import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part (ECMA-376 Part 1 §18.3.1.99 sheetData) as a stream of rows, one XML event at a time:
/// no tree of the sheet is built, and only the current row is held.
///
/// Cell types (§18.18.11 ST_CellType): `s` shared string, `inlineStr`, `str` (a formula's string), `b`, `e`,
/// `d` (kept as its text), `n` or none (a number). A `row` or `c` without its `r` attribute follows the one before.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private let onRow: (XLSXReadRow) throws -> Void
    /// The first problem: a thrown error of the row handler, or a malformed cell.
    private(set) var failure: Error?

    private var rowNumber = 0
    private var nextColumn = 0
    private var cells: [XLSXReadCell] = []
    private var cell: (reference: String?, column: Int, type: String)?
    private var text = ""
    private var collecting = false
    private var phoneticDepth = 0
    private var sawValue = false

    init(sharedStrings: [String], onRow: @escaping (XLSXReadRow) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.onRow = onRow
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            nextColumn = 0
            cells = []
        case "c":
            var column = nextColumn
            if let reference = attributes["r"] {
                guard let parsed = xlsxParseReference(reference) else {
                    return fail(parser, "a cell reference \"\(reference)\" in row \(rowNumber) that is not of the form A1")
                }
                column = parsed.column
            }
            cell = (attributes["r"], column, attributes["t"] ?? "n")
            text = ""
            sawValue = false
        case "v":
            collecting = cell != nil
            sawValue = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            // An inline string's text; a phonetic run's (rPh) is a reading aid, not the cell's text.
            if cell?.type == "inlineStr", phoneticDepth == 0 {
                collecting = true
                sawValue = true
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "v", "t":
            collecting = false
        case "rPh":
            phoneticDepth -= 1
        case "c":
            guard let current = cell else { return }
            cell = nil
            nextColumn = current.column + 1
            let reference = current.reference ?? xlsxCellReference(row: rowNumber - 1, column: current.column)
            guard sawValue, let value = value(of: current.type, reference: reference, parser: parser) else { return }
            cells.append(XLSXReadCell(reference: reference, row: rowNumber, column: current.column, value: value))
        case "row":
            guard !cells.isEmpty, failure == nil else { return }
            do {
                try onRow(XLSXReadRow(number: rowNumber, cells: cells.sorted { $0.column < $1.column }))
            } catch {
                failure = error
                parser.abortParsing()
            }
        default:
            break
        }
    }

    /// The typed value of the cell just read; nil (after recording the problem) when it is malformed.
    private func value(of type: String, reference: String, parser: XMLParser) -> XLSXReadCell.Value? {
        switch type {
        case "s":
            guard let index = Int(text.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                fail(parser, "cell \(reference) points at shared string \"\(text)\", and the table has \(sharedStrings.count)")
                return nil
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return .text(decodeXString(text))
        case "str", "d":
            return .text(text)
        case "b":
            return .bool(text.trimmingCharacters(in: .whitespaces) == "1")
        case "e":
            return .error(text)
        default:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Double(trimmed) else {
                fail(parser, "cell \(reference) is a number cell holding \"\(text)\", which is not a number")
                return nil
            }
            return .number(number)
        }
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil { failure = XLSXReader.Malformed(message: message) }
        parser.abortParsing()
    }
}

/// An element's name without its namespace prefix ("x:row" → "row"): some writers prefix SpreadsheetML.
func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}

/// Decodes the "_xHHHH_" escapes of an ST_Xstring (ECMA-376 Part 1 §22.9.2.19), such as "_x000D_" for a carriage
/// return; "_x005F_" is a literal underscore, so "_x005F_x0041_" reads "_x0041_".
func decodeXString(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var out = ""
    var rest = Substring(text)
    while let start = rest.range(of: "_x") {
        out += rest[..<start.lowerBound]
        let after = rest[start.upperBound...]
        let hex = after.prefix(4)
        if hex.count == 4, hex.allSatisfy(\.isHexDigit), after.dropFirst(4).first == "_",
           let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
            out.unicodeScalars.append(scalar)
            rest = after.dropFirst(5)
        } else {
            out += "_x"
            rest = after
        }
    }
    return out + rest
}
