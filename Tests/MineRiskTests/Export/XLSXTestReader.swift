import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Opens a written workbook with ZIPFoundation and reads its XML parts, to check their structure.
struct XLSXTestReader {
    let archive: Archive

    init(path: String) throws {
        archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    }

    var entryPaths: [String] { archive.map(\.path) }

    func data(_ path: String) throws -> Data {
        guard let entry = archive[path] else { throw ReaderError("no part \(path) in the workbook") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    func xml(_ path: String) throws -> XMLDocument {
        try XMLDocument(data: data(path), options: [])
    }

    /// Nodes matching an XPath, ignoring namespaces (local-name()).
    func nodes(_ path: String, _ xpath: String) throws -> [XMLElement] {
        try xml(path).nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    /// The shared strings, in index order.
    func sharedStrings() throws -> [String] {
        try nodes("xl/sharedStrings.xml", "//*[local-name()='si']").map { $0.stringValue ?? "" }
    }

    /// Every cell of a sheet by reference ("C7"): its text (shared and inline strings resolved), type and style index.
    func cells(sheet: Int) throws -> [String: (value: String, type: String?, style: Int)] {
        let strings = try sharedStrings()
        var cells: [String: (String, String?, Int)] = [:]
        for c in try nodes("xl/worksheets/sheet\(sheet).xml", "//*[local-name()='c']") {
            let reference = c.value(of: "r") ?? ""
            let type = c.value(of: "t")
            let style = Int(c.value(of: "s") ?? "0") ?? 0
            var value = c.elements(forName: "v").first?.stringValue ?? ""
            if type == "s", let i = Int(value) { value = strings[i] }
            if type == "inlineStr" { value = c.elements(forName: "is").first?.stringValue ?? "" }
            cells[reference] = (value, type, style)
        }
        return cells
    }

    /// The solid fill colour (ARGB) of a cellXfs style index, if it has one.
    func fill(ofStyle style: Int) throws -> String? {
        let xfs = try nodes("xl/styles.xml", "//*[local-name()='cellXfs']/*[local-name()='xf']")
        guard let fillID = Int(xfs[style].value(of: "fillId") ?? "0"), fillID >= 2 else { return nil }
        let fills = try nodes("xl/styles.xml", "//*[local-name()='fills']/*[local-name()='fill']")
        return fills[fillID].elements(forName: "patternFill").first?.elements(forName: "fgColor").first?.value(of: "rgb")
    }

    /// The number format code of a style index, if any.
    func numberFormat(ofStyle style: Int) throws -> String? {
        let xfs = try nodes("xl/styles.xml", "//*[local-name()='cellXfs']/*[local-name()='xf']")
        let id = xfs[style].value(of: "numFmtId") ?? "0"
        if id == "2" { return "0.00" }
        if id == "1" { return "0" }
        return try nodes("xl/styles.xml", "//*[local-name()='numFmt']").first { $0.value(of: "numFmtId") == id }?
            .value(of: "formatCode")
    }

    struct ReaderError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension XMLElement {
    /// An attribute's value by name. (`attribute(forName:)` misses "r" in FoundationXML when a namespace prefix
    /// is also called r, as in every worksheet.)
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}
