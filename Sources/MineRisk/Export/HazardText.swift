import Foundation

/// The hidden-danger register for people: the findings' table, the bureau's summary and a workbook of both.
public enum HazardText {
    /// The findings, one row each, with their version when they come from the store.
    public static func table(_ entries: [HazardRegister.Entry]) -> TextTable {
        let stored = entries.contains { $0.version != nil }
        var table = TextTable(headers: ["ID", "Facility", "County", "Code", "Level", "Status", "Deadline", "Overdue"] + (stored ? ["Version"] : []))
        for e in entries {
            table.add([e.id, e.facility, e.county, e.code, e.level.rawValue, e.status.rawValue, e.deadline, e.overdue ? "OVERDUE" : ""]
                      + (stored ? [e.version.map(String.init) ?? ""] : []))
        }
        return table
    }

    private static func percent(_ rate: Double?) -> String { rate.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }

    /// The summary as a bureau reports it: by county, by level, the rate, and the major dangers' 五落实.
    public static func summary(_ s: HazardSummary, asOf: String) -> String {
        var text = "Hidden dangers on \(asOf): \(s.found) found, \(s.closed) closed, rectification rate (整改率) \(percent(s.rectificationRate)), \(s.overdue) overdue\n\n"
        var counties = TextTable(headers: ["County", "Found", "Closed", "整改率", "Overdue"])
        counties.rightAligned = [1, 2, 3, 4]
        for (county, c) in s.byCounty.sorted(by: { $0.key < $1.key }) {
            counties.add([county, String(c.found), String(c.closed), percent(c.rectificationRate), String(c.overdue)])
        }
        counties.add(["Total", String(s.found), String(s.closed), percent(s.rectificationRate), String(s.overdue)])
        text += counties.render() + "\n"
        var levels = TextTable(headers: ["Level", "Found", "Closed", "整改率", "Overdue"])
        levels.rightAligned = [1, 2, 3, 4]
        for level in HazardLevel.allCases.reversed() {
            let c = s.byLevel[level.rawValue] ?? HazardSummary.Counts()
            levels.add([level.rawValue, String(c.found), String(c.closed), percent(c.rectificationRate), String(c.overdue)])
        }
        text += levels.render() + "\nMajor hidden dangers and their 五落实 (responsibility, measures, funds, deadline, plan):\n"
        var majors = TextTable(headers: ["ID", "Facility", "County", "Code", "Status", "Responsible", "Measures", "Funds", "Deadline", "Plan"])
        for m in s.majors {
            majors.add([m.id, m.facility, m.county, m.code, m.status + (m.overdue ? " OVERDUE" : ""), m.responsible, m.measures, m.funds, m.deadline, m.plan])
        }
        return text + majors.render()
    }

    /// A workbook of the register: the findings, the summary by county and level, and the major dangers.
    public static func workbook(_ entries: [HazardRegister.Entry], summary s: HazardSummary, asOf: String) -> XLSXWorkbook {
        var book = XLSXWorkbook()
        book.append(.table(name: "Hazards", headers: HazardFinding.columns + ["county", "overdue"],
                           rows: entries.map { e in (e.finding.cells + [e.county, e.overdue ? "yes" : "no"]).map { XLSXCell.text($0) } }))
        var rows: [[XLSXCell]] = []
        for (county, c) in s.byCounty.sorted(by: { $0.key < $1.key }) {
            rows.append([.text(county), .number(c.found), .number(c.closed), .number(c.rectificationRate), .number(c.overdue)])
        }
        rows.append([.text("Total (\(asOf))"), .number(s.found), .number(s.closed), .number(s.rectificationRate), .number(s.overdue)])
        for (level, c) in s.byLevel.sorted(by: { $0.key > $1.key }) {
            rows.append([.text("level \(level)"), .number(c.found), .number(c.closed), .number(c.rectificationRate), .number(c.overdue)])
        }
        book.append(.table(name: "Summary", headers: ["county / level", "found", "closed", "rectification rate", "overdue"], rows: rows))
        book.append(.table(name: "Major dangers", headers: ["id", "facility", "county", "code", "status", "overdue", "responsible", "measures", "funds", "deadline", "plan"],
                           rows: s.majors.map { m in [m.id, m.facility, m.county, m.code, m.status, m.overdue ? "yes" : "no", m.responsible, m.measures, m.funds, m.deadline, m.plan].map { XLSXCell.text($0) } }))
        return book
    }
}
