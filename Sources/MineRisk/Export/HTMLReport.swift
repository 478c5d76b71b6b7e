import Foundation

/// A self-contained HTML report (no network: styles and SVG charts inline) of a grading run, with optional
/// sections for a coal scenario and a simulation, each fed plain values.
public struct HTMLReport: Sendable {
    public var report: GradeReport
    /// The models' score bands, drawn on the score distribution.
    public var bands: [ScoreBands]
    /// Veto code → its text, to spell out vetoes in the table.
    public var vetoTexts: [String: BilingualName]
    /// Coal mines and capacity before and after the chosen scenario, when one was run.
    public var coalCapacity: CoalCapacityComparison?
    /// Each facility's grade probabilities, when a simulation has run.
    public var gradeProbabilities: GradeProbabilities?
    /// The prefecture's accidents and deaths by year, when the store (or the data folder) has them.
    public var accidents: [AccidentYear]?
    /// The hidden-danger register's summary on its day, when the dataset has a register.
    public var hazards: (asOf: String, summary: HazardSummary)?
    /// The ponds' early warnings and the series of those at orange or red, when the round has monitoring.
    public var warnings: WarningsSection?
    public var title = BilingualName(zh: "矿山和尾矿库安全风险分级报告", en: "Safety risk grading of mines and tailings ponds")
    public var generated: Date

    public init(report: GradeReport, bands: [ScoreBands] = [], vetoTexts: [String: BilingualName] = [:], generated: Date = Date()) {
        self.report = report
        self.bands = bands
        self.vetoTexts = vetoTexts
        self.generated = generated
    }

    /// A report whose bands and veto texts come from the models the run used.
    public init(report: GradeReport, models: ModelSet, generated: Date = Date()) {
        var texts: [String: BilingualName] = [:]
        for loaded in models.models.values { for veto in loaded.model.vetoes { texts[veto.code] = veto.text } }
        self.init(report: report, bands: ScoreBands.of(models), vetoTexts: texts, generated: generated)
    }

    /// The whole document.
    public func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(xmlEscaped(report.provenance.engine))">
        <title>\(xmlEscaped(title.zh)) · \(xmlEscaped(title.en))</title>
        <style>\(Self.css)</style>
        </head>
        <body>

        """
        html += header + keyFigures + gradeTable + charts + findings + hazardSection + warningsSection + criteriaSection + consistencySection + provenance
        html += "</body>\n</html>\n"
        return html
    }

    private var header: String {
        let date = ISO8601DateFormatter.string(from: generated, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        return """
        <header>
        <h1>\(xmlEscaped(title.zh))<span class="en">\(xmlEscaped(title.en))</span></h1>
        <p class="meta">数据 Data: <code>\(xmlEscaped(report.provenance.dataDirectory))</code> · 生成 Generated \(date) · \(xmlEscaped(report.provenance.engine))</p>
        </header>

        """
    }

    private var keyFigures: String {
        let s = report.summary
        var cards: [(String, String, String)] = [
            ("专家会诊", "Assessed", String(s.facilities)),
            ("完成分级", "Graded", String(s.graded)),
            ("评估不完整", "Incomplete", String(s.incomplete)),
            ("一票否决", "Vetoed", String(s.vetoed)),
            ("非煤矿山和尾矿库标准化达标", "Non-coal standardized", "\(s.nonCoalStandardized) / \(s.nonCoalFacilities)"),
        ]
        if s.ponds.ponds > 0 {
            let monitored = s.ponds.monitoringRequired - s.ponds.missingMonitoring
            cards.append(("须在线监测尾矿库已监测", "Ponds required to be monitored (\(report.monitoringDuty.text))", "\(monitored) / \(s.ponds.monitoringRequired)"))
        }
        if s.rejected > 0 { cards.append(("拒收", "Rejected rows", String(s.rejected))) }
        var html = "<section class=\"figures\">\n<div class=\"cards\">\n"
        for (zh, en, value) in cards {
            html += "<div class=\"card\"><div class=\"value\">\(xmlEscaped(value))</div><div class=\"label\">\(xmlEscaped(zh))<br><span class=\"en\">\(xmlEscaped(en))</span></div></div>\n"
        }
        html += "</div>\n<div class=\"grade-strip\">\n"
        for grade in RiskGrade.allCases.reversed() {
            html += "<div class=\"grade\" style=\"background:#\(grade.rgb);color:#\(grade.ink)\"><span class=\"n\">\(s.byGrade[grade.rawValue] ?? 0)</span> \(grade.zh) <span class=\"en\">\(grade.english) · \(grade.letter)</span></div>\n"
        }
        return html + "</div>\n</section>\n"
    }

    private var charts: String {
        var html = "<section class=\"charts\">\n<h2>图表 <span class=\"en\">Charts</span></h2>\n"
        html += figure("各县市风险等级分布", "Grades by county", ReportCharts.gradesByCounty(report.summary))
        for group in bands {
            let kinds = group.kinds.map { "\($0.name.zh)" }.joined(separator: "、")
            let caption = bands.count > 1 ? "风险分值分布（\(kinds)）" : "风险分值分布"
            html += figure(caption, "Score distribution with band edges", ReportCharts.scoreHistogram(report.facilities, bands: group))
        }
        let ponds = report.pondClassRows
        if !ponds.isEmpty {
            var note = ""
            let degrees = SafetyDegree.allCases.compactMap { d in report.summary.ponds.bySafetyDegree[d.rawValue].map { "\(d.zh) \(d.rawValue) \($0)" } }
            if !degrees.isEmpty { note = "安全度 Safety degree (AQ 2006-2005 §8): " + degrees.joined(separator: " · ") }
            html += figure("尾矿库等别与在线监测", "Tailings ponds by class and online monitoring", ReportCharts.pondClasses(ponds, duty: report.monitoringDuty), note: note)
        }
        if let coal = coalCapacity {
            html += coalSection(coal)
        }
        if let accidents, !accidents.isEmpty {
            html += figure("生产安全事故起数和死亡人数", "Accidents and deaths by year", ReportCharts.accidents(accidents),
                           note: "\(accidents.map(\.year).min()!)–\(accidents.map(\.year).max()!)")
        }
        if let probabilities = gradeProbabilities, !probabilities.byFacility.isEmpty {
            html += figure("各设施风险等级概率", "Grade probabilities per facility",
                           ReportCharts.gradeProbabilities(probabilities, facilities: report.orderedFacilities), note: probabilities.method)
        }
        return html + "</section>\n"
    }

    private func coalSection(_ coal: CoalCapacityComparison) -> String {
        func percent(_ x: Double?) -> String { x.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }
        let before = coal.baseline.capacityTpa / 10_000, after = coal.remaining.capacityTpa / 10_000
        let note = """
        煤矿 Coal mines \(coal.baseline.mines) → \(coal.remaining.mines) 处, 关闭比例 closure ratio \(percent(coal.closureRatio)) (by count); \
        产能 capacity \(ReportCharts.wan(before)) → \(ReportCharts.wan(after)) 万吨/年, 退出 withdrawn \(percent(coal.capacityRatio)). \
        情景 Scenario: \(coal.scenario)
        """
        return figure("煤矿产能：情景前后", "Coal capacity before and after the scenario", ReportCharts.coalCapacity(coal), note: note)
    }

    func figure(_ zh: String, _ en: String, _ svg: String, note: String = "") -> String {
        var html = "<figure>\n<figcaption>\(xmlEscaped(zh)) <span class=\"en\">\(xmlEscaped(en))</span></figcaption>\n\(svg)\n"
        if !note.isEmpty { html += "<p class=\"note\">\(xmlEscaped(note))</p>\n" }
        return html + "</figure>\n"
    }

    private var provenance: String {
        let p = report.provenance
        var rows: [(String, String)] = [
            ("模型 Models", p.models.map { "\($0.kind.name.zh) \($0.kind.rawValue) v\($0.modelVersion) · \($0.file) · sha256 \($0.sha256.prefix(12))" }.joined(separator: "\n")),
            ("随机一致性指标 RI table", p.riTable.rawValue), ("层次分析 AHP", p.ahpMethod.rawValue), ("权重 Weighting", p.weighting),
            ("模糊算子 Operator", p.fuzzyOperator), ("定级规则 Grade rule", p.gradeRule.rawValue),
            ("规则日期 Rules as of", "\(p.asOf.date) (\(p.asOf.from))"),
        ]
        rows += p.rules.map { ("适用规则 \($0.id)", "\($0.text): \($0.source)") }
        rows += [
            ("线性代数 BLAS", "\(p.blas.library) (\(p.blas.coreName), \(p.blas.threads) threads)"),
        ]
        rows += p.dataFiles.sorted { $0.key < $1.key }.map { ("数据 \($0.key)", "sha256 \($0.value.prefix(16))") }
        var html = "<section class=\"provenance\">\n<h2>来源 <span class=\"en\">Provenance</span></h2>\n<table class=\"kv\">\n"
        for (key, value) in rows {
            html += "<tr><th>\(xmlEscaped(key))</th><td>\(xmlEscaped(value).replacingOccurrences(of: "\n", with: "<br>"))</td></tr>\n"
        }
        return html + "</table>\n</section>\n"
    }
}
