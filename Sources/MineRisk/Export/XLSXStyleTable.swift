/// The distinct cell styles of a workbook, numbered as `styles.xml` lists them (cellXfs; 0 is the default).
struct XLSXStyleTable {
    private(set) var styles: [XLSXStyle] = [.plain]
    private var index: [XLSXStyle: Int] = [.plain: 0]

    /// The cellXfs index of a style, adding it the first time.
    mutating func id(of style: XLSXStyle) -> Int {
        if let id = index[style] { return id }
        styles.append(style)
        index[style] = styles.count - 1
        return styles.count - 1
    }

    /// The cellXfs index of a style already in the table.
    func existingID(of style: XLSXStyle) -> Int? { index[style] }

    /// xl/styles.xml (ECMA-376 Part 1 §18.8): number formats, fonts, fills and one xf per style.
    var xml: String {
        var formats: [String] = []
        var fonts: [FontKey] = [FontKey(bold: false, colour: nil)]
        var fills: [String] = []
        var xfs: [String] = []
        for style in styles {
            var numFmtId = 0
            if let code = style.numberFormat {
                if let builtIn = Self.builtInFormats[code] {
                    numFmtId = builtIn
                } else {
                    if !formats.contains(code) { formats.append(code) }
                    // Custom number formats are numbered from 164 up (§18.8.30).
                    numFmtId = 164 + formats.firstIndex(of: code)!
                }
            }
            let font = FontKey(bold: style.bold, colour: style.fontColour)
            if !fonts.contains(font) { fonts.append(font) }
            let fontId = fonts.firstIndex(of: font)!
            var fillId = 0
            if let fill = style.fill {
                if !fills.contains(fill) { fills.append(fill) }
                // Fills 0 (none) and 1 (gray125) are reserved by the format.
                fillId = 2 + fills.firstIndex(of: fill)!
            }
            var xf = "<xf numFmtId=\"\(numFmtId)\" fontId=\"\(fontId)\" fillId=\"\(fillId)\" borderId=\"0\" xfId=\"0\""
            if numFmtId != 0 { xf += " applyNumberFormat=\"1\"" }
            if fontId != 0 { xf += " applyFont=\"1\"" }
            if fillId != 0 { xf += " applyFill=\"1\"" }
            if style.wrapText { xf += " applyAlignment=\"1\"" }
            if !style.locked { xf += " applyProtection=\"1\"" }
            var children = ""
            if style.wrapText { children += "<alignment vertical=\"top\" wrapText=\"1\"/>" }
            // §18.8.33: an unlocked cell stays editable when its sheet is protected.
            if !style.locked { children += "<protection locked=\"0\"/>" }
            xf += children.isEmpty ? "/>" : ">" + children + "</xf>"
            xfs.append(xf)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if !formats.isEmpty {
            xml += "<numFmts count=\"\(formats.count)\">"
            for (i, code) in formats.enumerated() { xml += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(xmlEscaped(code))\"/>" }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"\(fonts.count)\">" + fonts.map(\.xml).joined() + "</fonts>"
        xml += "<fills count=\"\(fills.count + 2)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for fill in fills { xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(fill)\"/><bgColor indexed=\"64\"/></patternFill></fill>" }
        xml += "</fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return xml
    }

    /// Number formats every reader knows by id (§18.8.30).
    private static let builtInFormats: [String: Int] = ["General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10]

    private struct FontKey: Hashable {
        var bold: Bool
        var colour: String?

        var xml: String {
            var xml = "<font>"
            if bold { xml += "<b/>" }
            xml += "<sz val=\"11\"/>"
            if let colour { xml += "<color rgb=\"FF\(colour)\"/>" }
            xml += "<name val=\"Calibri\"/><family val=\"2\"/></font>"
            return xml
        }
    }
}
