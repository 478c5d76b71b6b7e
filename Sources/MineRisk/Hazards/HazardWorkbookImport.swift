import Foundation

/// Reads a hidden-danger register kept in Excel (the first sheet) into hazards.csv's rows: the header row is found
/// by its names, Chinese or English; cells may be strings, shared strings, numbers stored as text, or dates.
public struct HazardWorkbookImport: Sendable {
    /// A row of the register with the sheet row it came from.
    public struct Row: Sendable, Equatable {
        public var sheetRow: Int
        /// Cells under `HazardFinding.columns`.
        public var cells: [String]
    }

    public var file: String
    public var sheet: String
    public var headerRow: Int
    public var rows: [Row]
    /// Rows between the header and the last row that hold nothing (no cell, or only white space), skipped.
    public var blankRows: [Int]
    /// hazards.csv column → the sheet's column index.
    public var columns: [String: Int]

    /// Header names that mean a column, beside the column's own English name.
    static let aliases: [String: [String]] = [
        "id": ["隐患编号", "编号"],
        "facility_id": ["企业编号", "设施编号", "矿山编号", "单位编号"],
        "code": ["隐患代码", "代码", "隐患类别代码"],
        "level": ["隐患级别", "级别", "隐患等级"],
        "description": ["隐患描述", "隐患内容", "描述"],
        "inspection": ["检查名称", "排查来源", "检查"],
        "found_on": ["发现日期", "排查日期", "检查日期"],
        "found_by": ["发现人", "排查人", "检查人"],
        "deadline": ["整改期限", "整改时限", "限期"],
        "responsible": ["整改责任人", "责任人"],
        "measures": ["整改措施", "措施"],
        "funds": ["整改资金", "资金"],
        "plan": ["整改方案", "方案", "预案"],
        "status": ["整改状态", "状态"],
        "accepted_on": ["验收日期"],
        "accepted_by": ["验收人"],
        "reopened": ["重新打开次数", "复开次数"],
    ]
    static let dateColumns: Set<String> = ["found_on", "deadline", "accepted_on"]
    static let levels = ["一般": "general", "一般隐患": "general", "重大": "major", "重大隐患": "major"]
    static let statuses = ["未整改": "open", "待整改": "open", "整改中": "rectifying", "已整改": "closed", "已验收": "closed", "已销号": "closed"]

    /// Reads the first sheet; every problem is reported with its sheet and cell.
    public static func read(path: String) throws -> HazardWorkbookImport {
        let reader = try XLSXReader(path: path)
        guard !reader.sheetNames.isEmpty else { throw MineRiskError.invalid(SourceLocation(file: path), "the workbook has no sheet") }
        let sheetRows = try reader.rows(sheet: 0)
        guard let header = sheetRows.first(where: { headerColumns($0).keys.count >= HazardReaderColumns.required.count && HazardReaderColumns.required.allSatisfy(headerColumns($0).keys.contains) }) else {
            throw MineRiskError.invalid(reader.location(sheet: 0),
                                        "no header row: expected a row naming \(HazardReaderColumns.required.map { "\($0) (\(aliases[$0]![0]))" }.joined(separator: ", "))")
        }
        let columns = headerColumns(header)
        var result = HazardWorkbookImport(file: path, sheet: reader.sheetNames[0], headerRow: header.number, rows: [], blankRows: [], columns: columns)
        var problems = ProblemList()
        for row in sheetRows where row.number > header.number {
            if row.isEmpty || columns.values.allSatisfy({ row[$0].map(\.isBlank) ?? true }) {
                result.blankRows.append(row.number)
                continue
            }
            var cells: [String] = []
            for name in HazardFinding.columns {
                guard let c = columns[name], let cell = row[c] else { cells.append(""); continue }
                let at = reader.location(sheet: 0, cell: cell.reference)
                var text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if dateColumns.contains(name) && !cell.isBlank {
                    guard let date = isoDate(cell) else {
                        problems.add(at, "\(name): expected a date (a date cell, YYYY-MM-DD, YYYY/M/D or YYYY年M月D日), found \"\(text)\"")
                        cells.append("")
                        continue
                    }
                    text = date
                } else if name == "level" {
                    text = levels[text] ?? text.lowercased()
                } else if name == "status" {
                    text = statuses[text] ?? text.lowercased()
                } else if name == "reopened", let n = cell.number, n == n.rounded() {
                    text = String(Int(n))
                }
                cells.append(text)
            }
            result.rows.append(Row(sheetRow: row.number, cells: cells))
        }
        // A row with no cell at all is not in the sheet's XML: it is blank too, so every row up to the last is counted.
        let present = Set(sheetRows.map(\.number))
        if let last = sheetRows.last?.number, last > header.number {
            result.blankRows += ((header.number + 1)...last).filter { !present.contains($0) }
            result.blankRows.sort()
        }
        try problems.throwIfAny()
        return result
    }

    /// The register as hazards.csv text.
    public func csvRows() -> [[String]] { [HazardFinding.columns] + rows.map(\.cells) }

    /// The cell of the sheet a hazards.csv line and 1-based column came from, for error messages.
    public func cell(line: Int, column: Int?) -> String? {
        guard line >= 2, line - 2 < rows.count else { return nil }
        let sheetRow = rows[line - 2].sheetRow
        guard let column, column >= 1, column <= HazardFinding.columns.count,
              let sheetColumn = columns[HazardFinding.columns[column - 1]] else { return "row \(sheetRow)" }
        return xlsxColumnName(sheetColumn) + String(sheetRow)
    }

    static func headerColumns(_ row: XLSXReadRow) -> [String: Int] {
        var found: [String: Int] = [:]
        for name in HazardFinding.columns {
            for alias in [name] + aliases[name]! {
                if let c = row.column(headed: alias), !found.values.contains(c) {
                    found[name] = c
                    break
                }
            }
        }
        return found
    }

    /// A date cell (an Excel serial day in the 1900 system) or a date written as text.
    static func isoDate(_ cell: XLSXReadCell) -> String? {
        if case let .number(serial) = cell.value {
            // ECMA-376 Part 1 §18.17.4.1: serial 1 is 1900-01-01 with the 1900 leap-year bug, so day 0 is 1899-12-30 from 61 on.
            guard serial >= 61, serial < 2_958_466 else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let base = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!
            let day = calendar.date(byAdding: .day, value: Int(serial.rounded(.down)), to: base)!
            let c = calendar.dateComponents([.year, .month, .day], from: day)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        let text = cell.text.trimmingCharacters(in: .whitespaces)
        let parts = text.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-").replacingOccurrences(of: "日", with: "")
            .split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let date = String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
        return isISODate(date) ? date : nil
    }
}

/// The column names hazards.csv must have (HazardReader's), for finding the header row.
enum HazardReaderColumns {
    static let required = ["facility_id", "code", "description", "found_on"]
}
