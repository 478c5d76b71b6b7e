import Foundation

/// Appends worksheet rows (ECMA-376 Part 1 §18.3.1.73 row, §18.3.1.4 c) to a buffer as UTF-8 bytes.
struct XLSXRowWriter {
    /// "A", "B", … "AA", … for the sheet's columns.
    private let columnNames: [[UInt8]]

    init(columns: Int) {
        columnNames = (0..<max(columns, 1)).map { Array(xlsxColumnName($0).utf8) }
    }

    /// Appends row `r` (0-based), its texts inline (§18.3.1.53 is, t="inlineStr"), so that blocks of rows can be
    /// written side by side. Styles are numbered by `style`.
    func append(_ row: [XLSXCell], at r: Int, to out: inout [UInt8], style: (XLSXStyle) -> Int) {
        append(row, at: r, to: &out, style: style) { text, out in
            out += Self.inlineOpen
            out += Array(xmlEscaped(SharedStrings.protectingEscapes(text)).utf8)
            out += Self.inlineClose
        }
    }

    /// Appends row `r` (0-based), its texts numbered in the shared string table (§18.4).
    func append(_ row: [XLSXCell], at r: Int, to out: inout [UInt8], style: (XLSXStyle) -> Int, strings: inout SharedStrings) {
        append(row, at: r, to: &out, style: style) { text, out in
            out += Self.sharedOpen
            out += Array(String(strings.index(of: text)).utf8)
            out += Self.valueClose
        }
    }

    private func append(_ row: [XLSXCell], at r: Int, to out: inout [UInt8], style: (XLSXStyle) -> Int,
                        text writeText: (String, inout [UInt8]) -> Void) {
        let number = Array(String(r + 1).utf8)
        out += Self.rowOpen
        out += number
        out += Self.quoteClose
        for (c, cell) in row.enumerated() {
            let id = style(cell.style)
            func open() {
                out += Self.cellOpen
                if c < columnNames.count { out += columnNames[c] } else { out += Array(xlsxColumnName(c).utf8) }
                out += number
                out.append(0x22)  // "
                if id != 0 {
                    out += Self.styleAttribute
                    out += Array(String(id).utf8)
                    out.append(0x22)
                }
            }
            switch cell.value {
            case .empty:
                if id != 0 { open(); out += Self.emptyClose }
            case let .number(value):
                // xsd:double: whole numbers without ".0", others as the shortest text that reads back the same.
                let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
                open()
                out += Self.valueOpen
                out += Array(text.utf8)
                out += Self.valueClose
            case let .text(text):
                open()
                writeText(text, &out)
            }
        }
        out += Self.rowClose
    }

    private static let rowOpen = Array("<row r=\"".utf8)
    private static let quoteClose = Array("\">".utf8)
    private static let rowClose = Array("</row>".utf8)
    private static let cellOpen = Array("<c r=\"".utf8)
    private static let styleAttribute = Array(" s=\"".utf8)
    private static let emptyClose = Array("/>".utf8)
    private static let valueOpen = Array("><v>".utf8)
    private static let valueClose = Array("</v></c>".utf8)
    private static let sharedOpen = Array(" t=\"s\"><v>".utf8)
    private static let inlineOpen = Array(" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
    private static let inlineClose = Array("</t></is></c>".utf8)
}
