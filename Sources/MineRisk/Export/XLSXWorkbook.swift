import Foundation
import ZIPFoundation

/// An Office Open XML spreadsheet (ECMA-376 SpreadsheetML): sheets of typed cells, zipped with ZIPFoundation.
public struct XLSXWorkbook: Sendable {
    public var sheets: [XLSXSheet]
    /// Recorded in docProps/core.xml and as the zip entries' dates.
    public var created: Date
    public var creator: String

    public init(sheets: [XLSXSheet] = [], created: Date = Date(), creator: String = engineVersion) {
        self.sheets = sheets
        self.created = created
        self.creator = creator
    }

    public mutating func append(_ sheet: XLSXSheet) { sheets.append(sheet) }

    /// Writes the workbook atomically: zipped into a temporary file beside `path`, then renamed.
    public func write(to path: String) throws {
        guard !sheets.isEmpty else { throw MineRiskError.usage("\(path): a workbook needs at least one sheet") }
        let parts = self.parts()
        try AtomicWriter.write(to: path) { temporary in
            let archive: Archive
            do {
                archive = try Archive(url: temporary, accessMode: .create)
            } catch {
                throw MineRiskError.cannotCreate("\(path): cannot create the workbook file: \(error)")
            }
            for part in parts {
                let data = Data(part.xml.utf8)
                do {
                    try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                         modificationDate: created, compressionMethod: .deflate) { position, size in
                        data.subdata(in: Int(position)..<Int(position) + size)
                    }
                } catch {
                    throw MineRiskError.io("\(path): writing \(part.path) into the workbook failed: \(error)")
                }
            }
        }
    }

    /// The names the sheets are written under: valid (≤ 31 characters, none of : \ / ? * [ ]) and unique.
    public var sheetNames: [String] {
        var names: [String] = []
        for (i, sheet) in sheets.enumerated() {
            var name = String(sheet.name.map { ":\\/?*[]".contains($0) ? "_" : $0 })
                .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if name.isEmpty { name = "Sheet\(i + 1)" }
            name = String(name.prefix(31))
            var unique = name
            var n = 2
            while names.contains(where: { $0.lowercased() == unique.lowercased() }) {
                let suffix = " (\(n))"
                unique = String(name.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            names.append(unique)
        }
        return names
    }
}
