import Foundation

extension HTMLReport {
    /// The criterion layer (准则层) of each kind's evaluated facilities: a column per criterion with its score,
    /// so a reader sees which aspect drives a grade.
    var criteriaSection: String {
        var html = "<section class=\"table criteria\">\n<h2>准则层分值 <span class=\"en\">Criterion scores (higher = riskier)</span></h2>\n"
        for kind in FacilityKind.allCases {
            let rows = report.orderedFacilities.filter { $0.kind == kind && $0.criteria != nil }
            guard let first = rows.first?.criteria else { continue }
            html += "<h3>\(xmlEscaped(kind.name.zh)) <span class=\"en\">\(xmlEscaped(kind.name.en))</span></h3>\n<table class=\"grades\">\n<thead><tr>"
            html += "<th>编号<br><span class=\"en\">ID</span></th><th>等级<br><span class=\"en\">Grade</span></th>"
            for c in first {
                html += "<th class=\"num\">\(xmlEscaped(c.nameZh))<br><span class=\"en\">w \(String(format: "%.3f", c.weight))</span></th>"
            }
            html += "</tr></thead>\n<tbody>\n"
            for r in rows {
                let grade = r.grade.map { "<span class=\"chip\" style=\"background:#\($0.rgb);color:#\($0.ink)\">\($0.zh) \($0.letter)</span>" } ?? ""
                html += "<tr><td class=\"id\">\(xmlEscaped(r.id))</td><td>\(grade)</td>"
                for c in r.criteria ?? [] { html += "<td class=\"num\">\(String(format: "%.1f", c.score))</td>" }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</section>\n"
    }

    /// λmax, CI, RI, CR of every AHP matrix and each model's CR_total (层次总排序一致性检验).
    var consistencySection: String {
        var html = """
        <section class="table consistency">
        <h2>一致性检验 <span class="en">AHP consistency (RI table \(xmlEscaped(report.provenance.riTable.rawValue)), method \(xmlEscaped(report.provenance.ahpMethod.rawValue)))</span></h2>
        <table class="grades">
        <thead><tr><th>类型<br><span class="en">Kind</span></th><th>矩阵<br><span class="en">Matrix</span></th><th class="num">n</th>\
        <th class="num">λmax</th><th class="num">CI</th><th class="num">RI</th><th class="num">CR</th></tr></thead>
        <tbody>

        """
        for model in report.provenance.models {
            guard let consistency = model.consistency else { continue }
            for m in consistency.matrices {
                html += "<tr><td>\(xmlEscaped(model.kind.name.zh))</td><td><code>\(xmlEscaped(m.id))</code></td><td class=\"num\">\(m.n)</td>"
                html += "<td class=\"num\">\(String(format: "%.4f", m.lambdaMax))</td><td class=\"num\">\(String(format: "%.4f", m.ci))</td>"
                html += "<td class=\"num\">\(String(format: "%.2f", m.ri))</td><td class=\"num\">\(String(format: "%.4f", m.cr))</td></tr>\n"
            }
            html += "<tr><td>\(xmlEscaped(model.kind.name.zh))</td><td><b>CR<sub>total</sub></b> 层次总排序</td><td></td><td></td><td></td><td></td>"
            html += "<td class=\"num\"><b>\(String(format: "%.4f", consistency.crTotal))</b></td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }
}
