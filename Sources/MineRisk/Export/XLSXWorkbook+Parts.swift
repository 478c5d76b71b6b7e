import Foundation

extension XLSXWorkbook {
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Writes every part of the package (ECMA-376 Part 2, Open Packaging Conventions): the package's parts, the
    /// sheets, then the styles and shared strings the sheets used.
    func writeParts(to zip: ZipArchiveWriter) throws {
        let names = sheetNames
        try zip.add("[Content_Types].xml", contentTypes)
        try zip.add("_rels/.rels", Self.header + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(Self.relNS)/officeDocument" Target="xl/workbook.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="\(Self.relNS)/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """)
        try zip.add("docProps/core.xml", coreProperties)
        try zip.add("docProps/app.xml", Self.header + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
            <Application>\(xmlEscaped(creator))</Application></Properties>
            """)
        try zip.add("xl/workbook.xml", workbookXML(names))
        try zip.add("xl/_rels/workbook.xml.rels", workbookRelationships)
        var styles = XLSXStyleTable()
        var strings = SharedStrings()
        for (i, sheet) in sheets.enumerated() {
            try zip.beginEntry("xl/worksheets/sheet\(i + 1).xml")
            if sheet.source == nil {
                try writeWorksheet(sheet, selected: i == 0, styles: &styles, strings: &strings, to: zip)
            } else {
                try writeStreamedWorksheet(sheet, selected: i == 0, styles: &styles, to: zip)
            }
            try zip.endEntry()
        }
        try zip.add("xl/styles.xml", styles.xml)
        try zip.add("xl/sharedStrings.xml", strings.xml)
        try zip.finish()
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
        guard let top = sheet.autoFilterRow, top < sheet.rowCount, !sheet.row(top).isEmpty else { return nil }
        let last = sheet.row(top).count - 1
        return xlsxCellReference(row: top, column: 0) + ":" + xlsxCellReference(row: sheet.rowCount - 1, column: last)
    }

    private func absoluteReference(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$" + letters + "$" + reference.dropFirst(letters.count)
    }

    /// A worksheet part (§18.3) up to its rows: view with frozen panes, column widths, the start of sheetData.
    private func worksheetPrefix(_ sheet: XLSXSheet, selected: Bool, widths: [Double]) -> String {
        var xml = Self.header + "<worksheet xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        // §18.3.1.82: sheetPr comes first; fitToPage makes pageSetup's fitToWidth/fitToHeight apply.
        if sheet.fitsPageWidth { xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        let columns = sheet.columnCount, rows = sheet.rowCount
        let dimension = rows == 0 || columns == 0 ? "A1" : "A1:" + xlsxCellReference(row: rows - 1, column: columns - 1)
        xml += "<dimension ref=\"\(dimension)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        xml += paneXML(rows: sheet.frozenRows, columns: sheet.frozenColumns)
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            xml += "<cols>"
            for (i, width) in widths.enumerated() {
                xml += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width.clean)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    /// A worksheet part after its rows: protection, the autofilter, validations, page setup.
    private func worksheetSuffix(_ sheet: XLSXSheet) -> String {
        var xml = "</sheetData>"
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

    /// A sheet whose rows are all in `rows`, written in order, its texts in the shared string table.
    private func writeWorksheet(_ sheet: XLSXSheet, selected: Bool, styles: inout XLSXStyleTable, strings: inout SharedStrings,
                                to zip: ZipArchiveWriter) throws {
        let rows = XLSXRowWriter(columns: sheet.columnCount)
        var out = Array(worksheetPrefix(sheet, selected: selected, widths: sheet.effectiveColumnWidths).utf8)
        for (r, row) in sheet.rows.enumerated() {
            rows.append(row, at: r, to: &out, style: { styles.id(of: $0) }, strings: &strings)
            if out.count >= Self.segmentSize {
                try zip.write(DeflatedSegment(deflating: out))
                out.removeAll(keepingCapacity: true)
            }
        }
        out += Array(worksheetSuffix(sheet).utf8)
        try zip.write(DeflatedSegment(deflating: out))
    }

    /// About a mebibyte of XML per deflated segment.
    private static let segmentSize = 1 << 20

    /// A sheet with a source: blocks of rows are made, measured, written (texts inline) and deflated side by side,
    /// a few blocks per processor at a time. Only the deflated blocks are kept until the column widths, which
    /// come before the rows, are known.
    private func writeStreamedWorksheet(_ sheet: XLSXSheet, selected: Bool, styles: inout XLSXStyleTable,
                                        to zip: ZipArchiveWriter) throws {
        guard let source = sheet.source else { preconditionFailure("a streamed sheet has a source") }
        for style in sheet.rows.flatMap({ $0.map(\.style) }) + source.styles { _ = styles.id(of: style) }
        let numbered = styles
        let late = LateStyles(styles)
        func id(_ style: XLSXStyle) -> Int { numbered.existingID(of: style) ?? late.id(of: style) }
        let columns = sheet.columnCount, head = sheet.rows.count
        let writer = XLSXRowWriter(columns: columns)
        let tasks = ParallelTasks(threads: nil)
        let block = 512, blocks = (source.count + block - 1) / block, wave = tasks.threads * 4
        var body: [DeflatedSegment] = []
        body.reserveCapacity(blocks)
        var widest = [[Int]]()
        var first = 0
        while first < blocks {
            let n = min(wave, blocks - first)
            var segments = [DeflatedSegment?](repeating: nil, count: n)
            var measured = [[Int]](repeating: [Int](repeating: 0, count: columns), count: n)
            try segments.withUnsafeMutableBufferPointer { segments in
                try measured.withUnsafeMutableBufferPointer { measured in
                    try tasks.run(n) { k in
                        let start = (first + k) * block
                        var out: [UInt8] = []
                        out.reserveCapacity(block * 1536)
                        for i in start..<min(source.count, start + block) {
                            let row = source.row(i)
                            if sheet.columnWidths == nil { sheet.measure(row, columns: columns, into: &measured[k]) }
                            writer.append(row, at: head + i, to: &out, style: id)
                        }
                        segments[k] = DeflatedSegment(deflating: out)
                    }
                }
            }
            body += segments.map { $0! }
            widest += measured
            first += n
        }
        var out: [UInt8] = []
        var headWidest = [Int](repeating: 0, count: columns)
        for (r, row) in sheet.rows.enumerated() {
            sheet.measure(row, columns: columns, into: &headWidest)
            writer.append(row, at: r, to: &out, style: id)
        }
        let widths = sheet.columnWidths ?? sheet.widths(fromWidest: [headWidest] + widest)
        try zip.write(DeflatedSegment(deflating: Array(worksheetPrefix(sheet, selected: selected, widths: widths).utf8) + out))
        for segment in body { try zip.write(segment) }
        try zip.write(DeflatedSegment(deflating: worksheetSuffix(sheet)))
        styles = late.table
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

/// Styles first met while blocks of rows are written side by side: numbered under a lock, in the order met.
private final class LateStyles: @unchecked Sendable {
    private let lock = NSLock()
    private var styles: XLSXStyleTable

    init(_ styles: XLSXStyleTable) { self.styles = styles }

    func id(of style: XLSXStyle) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return styles.id(of: style)
    }

    var table: XLSXStyleTable {
        lock.lock()
        defer { lock.unlock() }
        return styles
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
