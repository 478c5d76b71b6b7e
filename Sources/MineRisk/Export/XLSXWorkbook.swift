import Foundation

/// An Office Open XML spreadsheet (ECMA-376 SpreadsheetML): sheets of typed cells, zipped by ZipArchiveWriter.
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

    /// Writes the workbook atomically (into a temporary file beside `path`, then renamed), streamed: each part is
    /// deflated as it is made, and the rows of a sheet with a source are made, written and deflated a block at a
    /// time on all processors. A table longer than a worksheet holds goes on in further sheets (`rowLimit`).
    public func write(to path: String, rowLimit: Int = XLSXSheet.maximumRows) throws {
        guard !sheets.isEmpty else { throw MineRiskError.usage("\(path): a workbook needs at least one sheet") }
        var book = self
        book.sheets = try sheets.flatMap { try $0.split(rowLimit: rowLimit) }
        try ByteSink.write(to: path) { sink in
            try book.writeParts(to: ZipArchiveWriter(sink: sink, date: created))
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
