import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an Office Open XML workbook (.xlsx as Excel, LibreOffice or WPS write it): its sheets' names, then
/// a sheet's rows of typed cells with their references, streamed from the sheet's XML.
///
/// Shared strings, inline strings, formulas' cached results, numbers stored as text (see `XLSXReadCell.number`)
/// and empty or missing rows are handled; a date is returned as the number Excel stores.
public final class XLSXReader {
    /// The name errors are reported under (the path given).
    public let file: String
    /// The sheets in tab order.
    public let sheetNames: [String]
    private let archive: Archive
    private let sheetPaths: [String]
    private let sharedStrings: [String]

    /// A part that does not follow the format.
    struct Malformed: Error {
        let message: String
    }

    /// Opens a workbook and reads its sheet list and shared strings.
    public init(path: String) throws {
        file = path
        guard FileManager.default.fileExists(atPath: path) else { throw MineRiskError.missingInput("\(path): no such file") }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw MineRiskError.invalid(SourceLocation(file: path), "expected an .xlsx workbook (a zip archive), found a file that is not one")
        }
        let location = SourceLocation(file: path)
        // ECMA-376 Part 2 §9.3: the package relationships name the main part (xl/workbook.xml as a rule).
        let root = try Self.collect(archive, "_rels/.rels", ["Relationship"], location: location)
        let workbookPath = root.first { ($0.attributes["Type"] ?? "").hasSuffix("/officeDocument") }
            .flatMap { $0.attributes["Target"] }.map { Self.resolve($0, from: "") } ?? "xl/workbook.xml"
        let folder = (workbookPath as NSString).deletingLastPathComponent
        let relationshipsPath = (folder as NSString).appendingPathComponent("_rels/" + (workbookPath as NSString).lastPathComponent + ".rels")
        let relationships = try Self.collect(archive, relationshipsPath, ["Relationship"], location: location)
        var targets: [String: String] = [:]
        var stringsPath: String?
        for element in relationships {
            guard let id = element.attributes["Id"], let target = element.attributes["Target"] else { continue }
            targets[id] = Self.resolve(target, from: folder)
            if (element.attributes["Type"] ?? "").hasSuffix("/sharedStrings") { stringsPath = targets[id] }
        }
        var names: [String] = []
        var paths: [String] = []
        for sheet in try Self.collect(archive, workbookPath, ["sheet"], location: location) {
            // The relationship id is r:id in the officeDocument relationships namespace, whatever its prefix.
            guard let name = sheet.attributes["name"],
                  let id = sheet.attributes.first(where: { $0.key.hasSuffix(":id") })?.value, let target = targets[id] else {
                throw MineRiskError.invalid(SourceLocation(file: path, path: workbookPath), "expected each sheet to have a name and a relationship to its part, found \(sheet.attributes)")
            }
            names.append(name)
            paths.append(target)
        }
        sheetNames = names
        sheetPaths = paths
        if let stringsPath, archive[stringsPath] != nil {
            let parser = XLSXSharedStringsParser()
            try Self.parse(archive, stringsPath, parser, location: location)
            sharedStrings = parser.strings
        } else {
            sharedStrings = []
        }
    }

    /// Calls `body` with each row of the sheet that has a cell, in order, as the sheet's XML is read.
    public func forEachRow(sheet index: Int, _ body: (XLSXReadRow) throws -> Void) throws {
        precondition(sheetNames.indices.contains(index), "no sheet \(index)")
        try withoutActuallyEscaping(body) { body in
            let parser = XLSXSheetParser(sharedStrings: sharedStrings, onRow: body)
            try Self.parse(archive, sheetPaths[index], parser, location: location(sheet: index), failure: { parser.failure })
        }
    }

    /// Every row of a sheet that has a cell.
    public func rows(sheet index: Int) throws -> [XLSXReadRow] {
        var rows: [XLSXReadRow] = []
        try forEachRow(sheet: index) { rows.append($0) }
        return rows
    }

    /// Where a sheet, or a cell of it, is, for error messages: `file: sheet "名称", cell C12`.
    public func location(sheet index: Int, cell reference: String? = nil) -> SourceLocation {
        var path = "sheet \"\(sheetNames[index])\""
        if let reference { path += ", cell \(reference)" }
        return SourceLocation(file: file, path: path)
    }

    /// A part's path inside the package from a relationship's target, relative to `folder` or absolute ("/xl/…").
    private static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    private static func collect(_ archive: Archive, _ part: String, _ names: Set<String>,
                                location: SourceLocation) throws -> [(name: String, attributes: [String: String])] {
        let collector = XLSXAttributeCollector(names: names)
        try parse(archive, part, collector, location: location)
        return collector.elements
    }

    /// Inflates one part and runs the event parser over it; a handler's error is rethrown as it was.
    private static func parse(_ archive: Archive, _ part: String, _ delegate: XMLParserDelegate, location: SourceLocation,
                              failure: () -> Error? = { nil }) throws {
        guard let entry = archive[part] else {
            throw MineRiskError.invalid(location, "expected the workbook part \(part), found no such entry in the archive")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, consumer: { data.append($0) })
        } catch {
            throw MineRiskError.io("\(location.file): cannot inflate \(part): \(error)")
        }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = failure() {
            if let malformed = error as? Malformed { throw MineRiskError.invalid(location, malformed.message) }
            throw error
        }
        if !ok {
            let detail = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw MineRiskError.invalid(SourceLocation(file: location.file, line: parser.lineNumber, column: parser.columnNumber, path: part),
                                        "expected well-formed XML, found an error: \(detail)")
        }
    }
}
