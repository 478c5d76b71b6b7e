extension HazardSummary {
    /// The summary as workbook sheets: counts by county and level with the rate, and the major dangers' 五落实.
    public func sheets(asOf: String) -> [XLSXSheet] {
        let percent = XLSXStyle(numberFormat: "0.0%")
        func row(_ name: String, _ c: Counts) -> [XLSXCell] {
            [.text(name), .number(c.found), .number(c.closed), .number(c.rectificationRate, style: percent), .number(c.overdue)]
        }
        var rows = byCounty.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        var total = Counts()
        total.found = found
        total.closed = closed
        total.overdue = overdue
        rows.append(row("合计 Total (\(asOf))", total))
        for level in HazardLevel.allCases.reversed() { if let c = byLevel[level.rawValue] { rows.append(row("\(level == .major ? "重大" : "一般") \(level.rawValue)", c)) } }
        let counts = XLSXSheet.table(name: "隐患汇总 Hazards", headers: ["县/级别 County/level", "发现 found", "销号 closed", "整改率 rate", "逾期 overdue"], rows: rows)
        let majorRows = majors.map { m in
            [m.id, m.facility, m.name, m.county, m.code, m.status, m.overdue ? "yes" : "no", m.responsible, m.measures, m.funds, m.deadline, m.plan].map { XLSXCell.text($0) }
        }
        let majorSheet = XLSXSheet.table(name: "重大隐患 Major dangers", headers: ["编号 id", "设施 facility", "名称 name", "县 county", "代码 code", "状态 status",
                                                                            "逾期 overdue", "责任 responsible", "措施 measures", "资金 funds", "时限 deadline", "预案 plan"], rows: majorRows)
        return [counts, majorSheet]
    }
}
