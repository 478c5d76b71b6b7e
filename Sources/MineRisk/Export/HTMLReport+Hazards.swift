import Foundation

extension HTMLReport {
    /// The hidden-danger register as a bureau reports it: by county and level, the rectification rate, the
    /// overdue count, and the major dangers with their 五落实 (DOMAIN §10); empty without a register.
    var hazardSection: String {
        guard let (asOf, s) = hazards, s.found > 0 else { return "" }
        func rate(_ r: Double?) -> String { r.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        var html = "<section class=\"table hazards\">\n<h2>隐患排查治理 <span class=\"en\">Hidden dangers on \(xmlEscaped(asOf))</span></h2>\n"
        html += "<p class=\"note\">发现 found \(s.found) · 已整改销号 closed \(s.closed) · 整改率 rectification rate \(rate(s.rectificationRate)) · 逾期 overdue \(s.overdue)</p>\n"
        html += "<table class=\"grades\">\n<thead><tr><th>县 <span class=\"en\">County</span></th><th class=\"num\">发现 <span class=\"en\">Found</span></th>"
        html += "<th class=\"num\">销号 <span class=\"en\">Closed</span></th><th class=\"num\">整改率 <span class=\"en\">Rate</span></th><th class=\"num\">逾期 <span class=\"en\">Overdue</span></th></tr></thead>\n<tbody>\n"
        let rows = s.byCounty.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + HazardLevel.allCases.reversed().compactMap { level in s.byLevel[level.rawValue].map { ("\(level == .major ? "重大" : "一般") \(level.rawValue)", $0) } }
        for (name, c) in rows {
            html += "<tr><td>\(xmlEscaped(name))</td><td class=\"num\">\(c.found)</td><td class=\"num\">\(c.closed)</td><td class=\"num\">\(rate(c.rectificationRate))</td><td class=\"num\">\(c.overdue)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        guard !s.majors.isEmpty else { return html + "</section>\n" }
        html += "<h3>重大事故隐患及五落实 <span class=\"en\">Major hidden dangers: responsibility, measures, funds, deadline, plan</span></h3>\n<table class=\"grades\">\n<thead><tr>"
        for (zh, en) in [("编号", "ID"), ("设施", "Facility"), ("县", "County"), ("代码", "Code"), ("状态", "Status"), ("责任", "Responsible"),
                         ("措施", "Measures"), ("资金", "Funds"), ("时限", "Deadline"), ("预案", "Plan")] {
            html += "<th>\(zh)<br><span class=\"en\">\(en)</span></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for m in s.majors {
            let status = m.overdue ? "<strong>\(xmlEscaped(m.status)) 逾期 overdue</strong>" : xmlEscaped(m.status)
            html += "<tr><td class=\"id\">\(xmlEscaped(m.id))</td><td>\(xmlEscaped(m.facility)) \(xmlEscaped(m.name))</td><td>\(xmlEscaped(m.county))</td>"
            html += "<td>\(xmlEscaped(m.code))</td><td>\(status)</td><td>\(xmlEscaped(m.responsible))</td><td>\(xmlEscaped(m.measures))</td>"
            html += "<td>\(xmlEscaped(m.funds))</td><td>\(xmlEscaped(m.deadline))</td><td>\(xmlEscaped(m.plan))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }
}
