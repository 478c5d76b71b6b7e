import Foundation

/// One file inside the zipped workbook.
struct XLSXPart {
    let path: String
    let xml: String
}

extension XLSXWorkbook {
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Every part of the package (ECMA-376 Part 2, Open Packaging Conventions), in the order written.
    func parts() -> [XLSXPart] {
        var styles = XLSXStyleTable()
        var strings = SharedStrings()
        let names = sheetNames
        let sheetParts = sheets.enumerated().map { i, sheet in
            XLSXPart(path: "xl/worksheets/sheet\(i + 1).xml", xml: worksheetXML(sheet, selected: i == 0, styles: &styles, strings: &strings))
        }
        return [
            XLSXPart(path: "[Content_Types].xml", xml: contentTypes),
            XLSXPart(path: "_rels/.rels", xml: Self.header + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(Self.relNS)/officeDocument" Target="xl/workbook.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                <Relationship Id="rId3" Type="\(Self.relNS)/extended-properties" Target="docProps/app.xml"/>\
                </Relationships>
                """),
            XLSXPart(path: "docProps/core.xml", xml: coreProperties),
            XLSXPart(path: "docProps/app.xml", xml: Self.header + """
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
                <Application>\(xmlEscaped(creator))</Application></Properties>
                """),
            XLSXPart(path: "xl/workbook.xml", xml: workbookXML(names)),
            XLSXPart(path: "xl/_rels/workbook.xml.rels", xml: workbookRelationships),
            XLSXPart(path: "xl/styles.xml", xml: styles.xml),
            XLSXPart(path: "xl/sharedStrings.xml", xml: strings.xml),
        ] + sheetParts
    }

    private var contentTypes: String {
        var xml = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    private var coreProperties: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let date = formatter.string(from: created)
        return Self.header + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:creator>\(xmlEscaped(creator))</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(date)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(date)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    private func workbookXML(_ names: [String]) -> String {
        var xml = Self.header + "<workbook xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            xml += "<sheet name=\"\(xmlEscaped(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        xml += "</sheets>"
        // Excel names each sheet's filter range _xlnm._FilterDatabase (§18.2.6, built-in names).
        let filters = sheets.enumerated().compactMap { i, sheet in filterRange(sheet).map { (i, names[i], $0) } }
        if !filters.isEmpty {
            xml += "<definedNames>"
            for (i, name, range) in filters {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                let absolute = range.split(separator: ":").map { absoluteReference(String($0)) }.joined(separator: ":")
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(xmlEscaped(quoted))!\(absolute)</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    private var workbookRelationships: String {
        var xml = Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            xml += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        let n = sheets.count
        xml += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(Self.relNS)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(n + 2)\" Type=\"\(Self.relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// The range a sheet's autofilter covers, such as "A1:W24".
    func filterRange(_ sheet: XLSXSheet) -> String? {
        guard let top = sheet.autoFilterRow, top < sheet.rows.count, !sheet.rows[top].isEmpty else { return nil }
        let last = sheet.rows[top].count - 1
        return xlsxCellReference(row: top, column: 0) + ":" + xlsxCellReference(row: sheet.rows.count - 1, column: last)
    }

    private func absoluteReference(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$" + letters + "$" + reference.dropFirst(letters.count)
    }

    /// A worksheet part (§18.3): view with frozen panes, column widths, the cells, the autofilter.
    private func worksheetXML(_ sheet: XLSXSheet, selected: Bool, styles: inout XLSXStyleTable, strings: inout SharedStrings) -> String {
        var xml = Self.header + "<worksheet xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        // §18.3.1.82: sheetPr comes first; fitToPage makes pageSetup's fitToWidth/fitToHeight apply.
        if sheet.fitsPageWidth { xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        let columns = sheet.columnCount
        let dimension = sheet.rows.isEmpty || columns == 0 ? "A1" : "A1:" + xlsxCellReference(row: sheet.rows.count - 1, column: columns - 1)
        xml += "<dimension ref=\"\(dimension)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        xml += paneXML(rows: sheet.frozenRows, columns: sheet.frozenColumns)
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = sheet.effectiveColumnWidths
        if !widths.isEmpty {
            xml += "<cols>"
            for (i, width) in widths.enumerated() {
                xml += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width.clean)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let style = styles.id(of: cell.style)
                let s = style == 0 ? "" : " s=\"\(style)\""
                let reference = xlsxCellReference(row: r, column: c)
                switch cell.value {
                case .empty:
                    if style != 0 { xml += "<c r=\"\(reference)\"\(s)/>" }
                case let .number(number):
                    // xsd:double: whole numbers without ".0", others as the shortest text that reads back the same.
                    let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : number.description
                    xml += "<c r=\"\(reference)\"\(s)><v>\(text)</v></c>"
                case let .text(text):
                    xml += "<c r=\"\(reference)\"\(s) t=\"s\"><v>\(strings.index(of: text))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        // §18.3.1.85: protection without a password; sorting, filtering and column widths stay allowed.
        if sheet.isProtected {
            xml += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" sort=\"0\" autoFilter=\"0\"/>"
        }
        if let range = filterRange(sheet) { xml += "<autoFilter ref=\"\(range)\"/>" }
        // §18.3.1: dataValidations come after the autofilter and before the page margins.
        if !sheet.dataValidations.isEmpty {
            xml += "<dataValidations count=\"\(sheet.dataValidations.count)\">" + sheet.dataValidations.map(\.xml).joined() + "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\"\(sheet.fitsPageWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"" : "")/>"
        return xml + "</worksheet>"
    }

    /// A frozen pane (§18.3.1.66) keeping `rows` rows and `columns` columns in view.
    private func paneXML(rows: Int, columns: Int) -> String {
        guard rows > 0 || columns > 0 else { return "" }
        let topLeft = xlsxCellReference(row: rows, column: columns)
        let pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
        var xml = "<pane"
        if columns > 0 { xml += " xSplit=\"\(columns)\"" }
        if rows > 0 { xml += " ySplit=\"\(rows)\"" }
        xml += " topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
        xml += "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        return xml
    }
}

/// The shared string table (§18.4): each distinct text once, cells point to it by index.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var index: [String: Int] = [:]
    private(set) var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let i = index[text] { return i }
        strings.append(text)
        index[text] = strings.count - 1
        return strings.count - 1
    }

    var xml: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for text in strings { xml += "<si><t xml:space=\"preserve\">\(xmlEscaped(Self.protectingEscapes(text)))</t></si>" }
        return xml + "</sst>"
    }

    /// Readers decode "_xHHHH_" in strings as a character (ECMA-376 §22.9.2.19 ST_Xstring), so a literal one
    /// is written with its underscore escaped as "_x005F_".
    static func protectingEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let pattern = try! NSRegularExpression(pattern: "_(x[0-9A-Fa-f]{4}_)")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "_x005F_$1")
    }
}
