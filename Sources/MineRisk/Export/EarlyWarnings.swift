import Foundation

/// What `minerisk warn` reports: the ponds' online-monitoring warnings and, beside them, the register's overdue
/// major hidden dangers, each itself a red warning (DOMAIN §10) — the platform's risk and hidden-danger warnings.
public struct EarlyWarnings: Encodable {
    public let monitoring: WarningReport
    /// Overdue major hidden dangers on the report's day; empty when the data folder has no register.
    public let hiddenDangers: [HazardWarning]

    public init(monitoring: WarningReport, hiddenDangers: [HazardWarning]) {
        self.monitoring = monitoring
        self.hiddenDangers = hiddenDangers
    }

    enum CodingKeys: String, CodingKey { case hiddenDangerWarnings }

    /// The monitoring report's keys, then `hiddenDangerWarnings`.
    public func encode(to encoder: Encoder) throws {
        try monitoring.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hiddenDangers, forKey: .hiddenDangerWarnings)
    }

    /// The monitoring table, then the red warnings of overdue major hidden dangers.
    public func table(colour: Bool = false) -> String {
        var text = monitoring.table(colour: colour)
        text += "\nHidden-danger warnings 隐患预警 (\(hiddenDangers.count)): overdue major hidden dangers are red\n"
        guard !hiddenDangers.isEmpty else { return text + "  (none)\n" }
        var table = TextTable(headers: ["facility", "name", "county", "level", "hazard", "code", "overdue since", "finding"])
        for w in hiddenDangers {
            if colour { table.rowColours[table.rows.count] = (3, ansiCode(for: .major)) }
            table.add([w.facility, w.name, w.county, w.level, w.hazard, w.code, w.since, w.message])
        }
        return text + table.render(colour: colour)
    }

    /// The monitoring workbook with a sheet of the hidden-danger warnings.
    public func workbook() -> XLSXWorkbook {
        var workbook = monitoring.workbook()
        let red = XLSXStyle(bold: true, fill: RiskGrade.major.rgb, fontColour: RiskGrade.major.ink)
        workbook.append(.table(name: "隐患预警 Hidden dangers",
                               headers: ["设施 facility", "名称 name", "县 county", "预警 level", "隐患 hazard", "编码 code", "逾期自 overdue since", "说明 finding"],
                               rows: hiddenDangers.map { w in
                                   [.text(w.facility), .text(w.name), .text(w.county), .text("红 red", style: red), .text(w.hazard),
                                    .text(w.code), .text(w.since), .text(w.message)]
                               }, frozenColumns: 1))
        return workbook
    }
}
