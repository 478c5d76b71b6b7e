import Foundation

extension HTMLReport {
    /// The grade table: every facility, worst first, the grade as a coloured chip.
    var gradeTable: String {
        var html = """
        <section class="table">
        <h2>风险分级表 <span class="en">Grade table</span></h2>
        <table class="grades">
        <thead><tr><th>编号<br><span class="en">ID</span></th><th>名称<br><span class="en">Name</span></th>\
        <th>类型<br><span class="en">Kind</span></th><th>县市<br><span class="en">County</span></th>\
        <th>等级<br><span class="en">Grade</span></th><th class="num">分值<br><span class="en">Score ↑risk</span></th>\
        <th class="num">排查<br><span class="en">Priority</span></th><th class="num">等别<br><span class="en">Class</span></th>\
        <th>备注<br><span class="en">Notes</span></th></tr></thead>
        <tbody>

        """
        for r in report.orderedFacilities {
            let chip: String
            if let grade = r.grade {
                chip = "<span class=\"chip\" style=\"background:#\(grade.rgb);color:#\(grade.ink)\">\(grade.zh) \(grade.letter) <span class=\"en\">\(grade.english)</span></span>"
            } else {
                chip = "<span class=\"chip incomplete\">不完整 <span class=\"en\">Incomplete</span></span>"
            }
            let cells = [
                "<td class=\"id\">\(xmlEscaped(r.id))</td>",
                "<td class=\"nowrap\">\(xmlEscaped(r.name))</td>",
                "<td class=\"nowrap\" title=\"\(xmlEscaped(r.kind.name.en))\">\(xmlEscaped(r.kind.name.zh))</td>",
                "<td class=\"nowrap\">\(xmlEscaped(r.county))</td>",
                "<td>\(chip)</td>",
                "<td class=\"num\">\(r.score.map { String(format: "%.1f", $0) } ?? "")</td>",
                "<td class=\"num\">\(r.inspectionPriority.map(String.init) ?? "")</td>",
                "<td class=\"num\">\(r.tailingsClass.map(String.init) ?? "")</td>",
                "<td class=\"notes\">\(notes(r))</td>",
            ]
            html += "<tr>" + cells.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// Vetoes spelled out, compliance findings, and what an incomplete assessment misses (HTML).
    private func notes(_ r: FacilityResult) -> String {
        var parts: [String] = []
        for veto in r.vetoes {
            parts.append("<span class=\"veto\">一票否决 \(xmlEscaped(veto.code))</span> \(xmlEscaped(veto.text)) <small>(\(xmlEscaped(veto.source)))</small>")
        }
        if r.gradedBy == .safetyDegree, let degree = r.safetyDegree {
            parts.append("<span class=\"veto\">安全度 \(xmlEscaped(degree.zh))</span> → 重大风险 (AQ 2006-2005 §8)")
        }
        parts += r.findings.map { "<span class=\"finding\">\(xmlEscaped($0))</span>" }
        if !r.missing.isEmpty {
            let shown = r.missing.prefix(4).joined(separator: ", ")
            let more = r.missing.count > 4 ? " … (\(r.missing.count))" : ""
            parts.append("缺项 missing \(r.missing.count): <code>\(xmlEscaped(shown))</code>\(more)")
        }
        return parts.joined(separator: "<br>")
    }

    /// Monitoring and compliance findings, and the assessments that could not be graded.
    var findings: String {
        let found = report.orderedFacilities.flatMap { r in r.findings.map { (r, $0) } }
        let incomplete = report.orderedFacilities.filter { $0.status == .incomplete }
        guard !found.isEmpty || !incomplete.isEmpty else { return "" }
        var html = "<section class=\"lists\">\n"
        if !found.isEmpty {
            html += "<h2>监测与合规发现 <span class=\"en\">Monitoring and compliance findings</span></h2>\n<ul>\n"
            for (r, finding) in found {
                html += "<li><b>\(xmlEscaped(r.id))</b> \(xmlEscaped(r.name))（\(xmlEscaped(r.county))）: \(xmlEscaped(finding))</li>\n"
            }
            html += "</ul>\n"
        }
        if !incomplete.isEmpty {
            html += "<h2>评估不完整，未分级 <span class=\"en\">Incomplete assessments, not graded</span></h2>\n<ul>\n"
            for r in incomplete {
                html += "<li><b>\(xmlEscaped(r.id))</b> \(xmlEscaped(r.name)): 缺 \(r.missing.count) 项 missing <code>\(xmlEscaped(r.missing.joined(separator: ", ")))</code></li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// Inline styles: a CJK-first system font stack (nothing fetched), A4 print layout, grade colours kept in print.
    static let css = """

    @page { size: A4; margin: 13mm 12mm 14mm; }
    :root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --band: #f4f5f8; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
           "Hiragino Sans GB", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
           color: var(--ink); background: #fff; font-size: 14px; line-height: 1.55; max-width: 1080px; margin: 0 auto; padding: 28px 28px 48px; }
    h1 { font-size: 25px; margin: 0 0 4px; line-height: 1.3; }
    h1 .en { display: block; font-size: 15px; font-weight: 400; color: var(--muted); }
    h2 { font-size: 18px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid; }
    h2 .en, figcaption .en, th .en, .label .en { font-weight: 400; color: var(--muted); }
    .meta { color: var(--muted); margin: 4px 0 18px; font-size: 13px; }
    code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; }
    .card { border: 1px solid var(--rule); border-radius: 8px; padding: 10px 12px; background: var(--band); break-inside: avoid; }
    .card .value { font-size: 24px; font-weight: 700; line-height: 1.2; }
    .card .label { font-size: 12.5px; color: var(--ink); }
    .grade-strip { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin-top: 10px; }
    .grade { border-radius: 8px; padding: 8px 12px; font-weight: 600; font-size: 15px; }
    .grade .n { font-size: 24px; font-weight: 700; margin-right: 4px; }
    .grade .en { font-weight: 400; font-size: 12.5px; opacity: 0.9; }
    table { border-collapse: collapse; width: 100%; }
    table.grades { font-size: 13px; }
    table.grades thead { display: table-header-group; }
    table.grades th { text-align: left; font-size: 12.5px; line-height: 1.3; background: #e7e9ee; padding: 6px 6px; border-bottom: 2px solid #aab1bf; vertical-align: bottom; }
    table.grades td { padding: 4px 6px; border-bottom: 1px solid var(--rule); vertical-align: top; }
    table.grades tbody tr:nth-child(even) td { background: #fafbfc; }
    table.grades tr { break-inside: avoid; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.nowrap { white-space: nowrap; }
    .chip { display: inline-block; white-space: nowrap; border-radius: 10px; padding: 0 8px; font-weight: 600; font-size: 12.5px; }
    .chip .en { font-weight: 400; font-size: 11.5px; }
    .chip.incomplete { background: #e3e6ec; color: var(--muted); }
    td.notes { font-size: 12px; color: #333a48; }
    .veto { font-weight: 700; color: #c01f35; }
    .finding { color: #8a4b00; }
    figure { margin: 18px 0 26px; break-inside: avoid; }
    h3 { font-size: 16px; margin: 22px 0 8px; break-after: avoid; }
    figcaption { font-weight: 700; font-size: 15px; margin-bottom: 6px; }
    svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
    .note { color: var(--muted); font-size: 12.5px; margin: 4px 0 0; }
    .lists li { margin: 2px 0; }
    table.kv th { text-align: left; width: 30%; font-weight: 600; padding: 3px 8px 3px 0; vertical-align: top; font-size: 13px; }
    table.kv td { padding: 3px 0; font-size: 13px; word-break: break-all; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      h1 { font-size: 18pt; }
      h2 { font-size: 13pt; margin-top: 16pt; }
      table.grades { font-size: 8.6pt; }
      table.grades th { font-size: 8.4pt; }
      .chip { font-size: 8.4pt; }
      td.notes { font-size: 8pt; }
      .cards { grid-template-columns: repeat(auto-fit, minmax(92px, 1fr)); gap: 6px; }
      .card { padding: 5px 8px; }
      .card .label { font-size: 7.8pt; }
      .grade-strip { gap: 6px; }
      .grade { font-size: 10pt; padding: 5px 8px; }
      .grade .en { font-size: 7.8pt; }
      .card .value, .grade .n { font-size: 15pt; }
      section.charts { break-before: page; }
      figure { margin: 8pt 0 14pt; }
    }

    """
}
