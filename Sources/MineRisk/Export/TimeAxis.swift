/// The time axis of a monitoring chart: a window of seconds mapped onto a plot's width, with ticks on round local
/// hours or days and labels in the pond's offset.
struct TimeAxis {
    let from: Int64
    let to: Int64
    let offsetMinutes: Int
    let left: Double
    let right: Double

    func x(_ t: Int64) -> Double {
        left + Double(t - from) / Double(max(to - from, 1)) * (right - left)
    }

    /// Ticks on local round times, 4 to 9 across the window; day ticks say the date, others the hour too.
    var ticks: [(time: Int64, label: String, day: Bool)] {
        let span = to - from
        let step = [3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400]
            .map(Int64.init).first { span / $0 <= 8 } ?? 28 * 86_400
        let offset = Int64(offsetMinutes) * 60
        var t = ((from + offset) / step + 1) * step - offset
        var result: [(Int64, String, Bool)] = []
        while t <= to {
            let local = ISOTime.format(t, offsetMinutes: offsetMinutes)   // 2017-07-20T16:30:00+08:00
            let day = (t + offset) % 86_400 == 0
            let date = String(local.dropFirst(5).prefix(5))
            result.append((t, day ? date : "\(date) \(local.dropFirst(11).prefix(5))", day))
            t += step
        }
        return result
    }

    /// Gridlines and labels under a plot from `top` to `bottom`.
    func draw(_ svg: inout SVGCanvas, top: Double, bottom: Double) {
        for tick in ticks {
            svg.line(x1: x(tick.time), y1: top, x2: x(tick.time), y2: bottom, stroke: tick.day ? "D0D5DE" : ReportCharts.gridColour)
            svg.text(tick.label, x: x(tick.time), y: bottom + 15, anchor: .middle, size: 11, fill: ReportCharts.mutedText)
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: ReportCharts.axisColour)
    }

    /// Each warning span as a band of its level's colour across the plot (an open one runs to the window's end).
    func shade(_ svg: inout SVGCanvas, spans: [PondSeries.Span], top: Double, bottom: Double) {
        for span in spans {
            guard let grade = span.level.sameColourGrade else { continue }
            let a = x(max(span.start, from)), b = x(min(span.end ?? to, to))
            let end = span.end.map { ISOTime.format($0, offsetMinutes: offsetMinutes) } ?? "open"
            svg.rect(x: a, y: top, width: max(b - a, 1.5), height: bottom - top, fill: grade.rgb, opacity: 0.22,
                     tooltip: "\(span.level.bilingual) \(ISOTime.format(span.start, offsetMinutes: offsetMinutes)) – \(end)")
        }
    }
}
