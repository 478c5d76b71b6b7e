import Foundation

/// What the report's warnings section shows: the warning run and the series of the ponds it draws.
public struct WarningsSection: Sendable {
    public var report: WarningReport
    /// The ponds at orange or red (now or at a warning's peak), with their series (`SeriesSampler`).
    public var series: [PondSeries]

    public init(report: WarningReport, series: [PondSeries]) {
        self.report = report
        self.series = series
    }
}

extension HTMLReport {
    /// The ponds' early warnings (GB 39496-2020 §5.5): ponds by level, the warning log of the ponds that reached
    /// orange or red, and for each of them its warned items and its rain over a window around the warnings.
    var warningsSection: String {
        guard let section = warnings else { return "" }
        let r = section.report
        var html = "<section class=\"warnings\" id=\"warnings\">\n<h2>尾矿库在线监测预警 <span class=\"en\">Early warnings from the ponds' online monitoring (GB 39496-2020 §5.5)</span></h2>\n"
        html += "<p class=\"note\">截至 As of \(xmlEscaped(r.asOf))\(r.from.map { "，自 from \(xmlEscaped($0))" } ?? "") · \(r.provenance.readingsUsed) 条读数 readings · "
        html += "连续 \(r.provenance.persistence) 次达到才成立 a level holds after \(r.provenance.persistence) consecutive readings · \(xmlEscaped(r.provenance.aggregation))</p>\n"
        // Ponds by the worst level they reached in the period, and by their level at the report time.
        var peaks: [String: Int] = [:]
        for pond in r.ponds { peaks[r.peakLevel(of: pond.id).name, default: 0] += 1 }
        html += "<div class=\"grade-strip\">\n"
        for level in WarningLevel.warnings.reversed() {
            let grade = level.sameColourGrade!
            html += "<div class=\"grade\" style=\"background:#\(grade.rgb);color:#\(grade.ink)\"><span class=\"n\">\(peaks[level.name] ?? 0)</span> \(level.chinese)预警"
            html += " <span class=\"en\">ponds at \(level.name) in the period · 截至 now \(r.summary.byLevel[level.name] ?? 0)</span></div>\n"
        }
        html += "</div>\n"
        guard !section.series.isEmpty else {
            return html + "<p>期间无尾矿库达到橙色及以上预警 <span class=\"en\">No pond reached orange or red in the period.</span></p>\n</section>\n"
        }
        let drawn = Set(section.series.map(\.pond.id))
        html += "<h3>橙色及以上预警的尾矿库 <span class=\"en\">Ponds that reached orange or red: their warnings</span></h3>\n"
        html += warningLog(r.warnings.filter { drawn.contains($0.pond) }, ponds: section.series.map(\.pond))
        for series in section.series { html += pondFigures(series) }
        return html + "</section>\n"
    }

    private func warningLog(_ spans: [WarningSpan], ponds: [PondWarning]) -> String {
        let names = Dictionary(ponds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var html = "<table class=\"grades\">\n<thead><tr>"
        for (zh, en) in [("尾矿库", "Pond"), ("县", "County"), ("监测项", "Item"), ("峰值", "Peak level"), ("开始", "Start"), ("达到峰值", "Peak"),
                         ("结束", "End"), ("测点 读数 / 阈值", "Point value / threshold")] {
            html += "<th>\(zh)<br><span class=\"en\">\(en)</span></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for s in spans.sorted(by: { ($0.level, $1.start) > ($1.level, $0.start) }) {
            let pond = names[s.pond]
            let evidence = "\(s.peakPoint) \(s.peakValue.map(formatNumber) ?? "–") / \(s.peakThreshold.map(formatNumber) ?? "–")"
            html += "<tr><td class=\"id\">\(xmlEscaped(s.pond)) \(xmlEscaped(pond?.name ?? ""))</td><td>\(xmlEscaped(pond?.county ?? ""))</td>"
            html += "<td>\(xmlEscaped(s.item.chinese)) <span class=\"en\">\(xmlEscaped(s.item.rawValue))</span></td><td>\(chip(s.level))</td><td class=\"nowrap\">\(xmlEscaped(shortTime(s.start)))</td>"
            html += "<td class=\"nowrap\">\(xmlEscaped(shortTime(s.peak)))</td><td class=\"nowrap\">\(xmlEscaped(s.end.map(shortTime) ?? "未结束 open"))</td>"
            html += "<td>\(xmlEscaped(evidence))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func pondFigures(_ s: PondSeries) -> String {
        let p = s.pond
        var html = "<h3>\(xmlEscaped(p.id)) \(xmlEscaped(p.name)) · \(xmlEscaped(p.county)) · \(p.pondClass)等库 class \(p.pondClass) — 峰值 peak \(chip(s.peak))"
        html += " 截至 now \(p.level == .none ? "无 none" : chip(p.level))</h3>\n"
        let window = "\(shortTime(ISOTime.format(s.from, offsetMinutes: s.offsetMinutes))) – \(shortTime(ISOTime.format(s.to, offsetMinutes: s.offsetMinutes)))"
        for item in s.items {
            let readings = item.points.map(\.readings).reduce(0, +)
            let reduction = "\(readings) 条读数 readings in \(window), drawn as the minimum and maximum of each \(s.bucketSeconds / 60)-minute bucket "
                + "(\(s.buckets) buckets per point, so a spike stays visible); shading: each warning of the item, from start to end, in the colour of its peak."
            if item.item == .rainfall {
                html += figure("\(p.id) 降雨量", "rainfall", ReportCharts.rainfall(item, of: s),
                               note: "柱 bars: rain per \(s.rainBucketSeconds / 3_600) h; 线 line: the largest 3 h sum in each bar. Signals: \(item.rule). " + reduction)
            } else {
                let rule = item.thresholds == nil ? "阈值不在读数上 thresholds are not on the reading: \(item.rule)" : "阈值 thresholds \(item.rule)"
                html += figure("\(p.id) \(item.item.chinese)", "\(item.item.rawValue) · now \(item.level.name)",
                               ReportCharts.monitoredItem(item, of: s), note: "\(rule). " + reduction)
            }
        }
        return html
    }

    private func chip(_ level: WarningLevel) -> String {
        guard let grade = level.sameColourGrade else { return "无 none" }
        return "<span class=\"chip\" style=\"background:#\(grade.rgb);color:#\(grade.ink)\">\(level.chinese) <span class=\"en\">\(level.name)</span></span>"
    }

    /// "2017-07-20T16:30:00+08:00" → "07-20 16:30".
    private func shortTime(_ time: String) -> String {
        time.count >= 16 ? "\(time.dropFirst(5).prefix(5)) \(time.dropFirst(11).prefix(5))" : time
    }
}
