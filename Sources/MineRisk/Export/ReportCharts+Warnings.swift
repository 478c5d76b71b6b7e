import Foundation

extension ReportCharts {
    /// Colours of a pond's points (neutral, apart from the warning colours).
    static let pointInks = ["1D2330", "2A7F8F", "7A4FA0", "6B7A2A", "A0522D"]

    /// One monitored item of a pond over the window: each point's readings as a min–max band per bucket with its
    /// middle line, the thresholds per level as dashed lines, and the item's warnings shaded in their colours.
    static func monitoredItem(_ item: PondSeries.Item, of series: PondSeries) -> String {
        let top = 44.0, plotLeft = 58.0, plotRight = width - 92, plotHeight = 150.0
        let bottom = top + plotHeight
        var svg = SVGCanvas(width: width, height: bottom + 34)
        let axis = TimeAxis(from: series.from, to: series.to, offsetMinutes: series.offsetMinutes, left: plotLeft, right: plotRight)
        let edges = WarningLevel.warnings.compactMap { level in item.thresholds?.value(of: level).map { (level, $0) } }
        let values = item.points.flatMap { $0.minimum.compactMap { $0 } + $0.maximum.compactMap { $0 } }
        var low = (values + edges.map(\.1)).min() ?? 0, high = (values + edges.map(\.1)).max() ?? 1
        if high - low < 1e-9 { low -= 1; high += 1 }
        let pad = (high - low) * 0.08
        low -= pad
        high += pad
        func y(_ v: Double) -> Double { bottom - (v - low) / (high - low) * plotHeight }
        svg.legend(item.points.enumerated().map { ($1.id, pointInks[$0 % pointInks.count]) }, x: plotLeft, y: 16)
        svg.text("\(item.item.chinese) \(item.item.rawValue) (\(item.item.unit))", x: plotLeft, y: 36, size: 11.5, weight: 600)
        axis.shade(&svg, spans: item.spans, top: top, bottom: bottom)
        for tick in valueTicks(low: low, high: high) {
            svg.line(x1: plotLeft, y1: y(tick), x2: plotRight, y2: y(tick), stroke: gridColour)
            svg.text(formatNumber(tick), x: plotLeft - 6, y: y(tick) + 4, anchor: .end, size: 11, fill: mutedText)
        }
        axis.draw(&svg, top: top, bottom: bottom)
        for (level, edge) in edges {
            let ink = level.sameColourGrade!.textOnWhite
            svg.line(x1: plotLeft, y1: y(edge), x2: plotRight, y2: y(edge), stroke: ink, width: 1.4, dashed: true)
            svg.text("\(level.chinese) \(formatNumber(edge))", x: plotRight + 4, y: y(edge) + 4, size: 11, weight: 600, fill: ink)
        }
        let bucket = Double(series.bucketSeconds)
        for (k, point) in item.points.enumerated() {
            let ink = pointInks[k % pointInks.count]
            for run in runs(point) {
                let xs = run.map { axis.x(series.from + Int64((Double($0) + 0.5) * bucket)) }
                let upper = zip(xs, run).map { ($0, y(point.maximum[$1]!)) }
                let lower = zip(xs, run).map { ($0, y(point.minimum[$1]!)) }.reversed()
                svg.path(upper + lower, stroke: ink, width: 0.6, fill: ink, opacity: 0.25)
                svg.path(zip(xs, run).map { ($0, y((point.maximum[$1]! + point.minimum[$1]!) / 2)) }, stroke: ink, width: 1.3)
            }
        }
        return svg.render(label: "\(series.pond.id) \(item.item.rawValue)")
    }

    /// The bucket indices of a point, in runs without a gap.
    static func runs(_ point: PondSeries.Point) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for (i, v) in point.maximum.enumerated() {
            if v != nil { current.append(i) } else if !current.isEmpty { result.append(current); current = [] }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// About five round ticks between two values.
    static func valueTicks(low: Double, high: Double) -> [Double] {
        let raw = (high - low) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999 } ?? 10 * magnitude
        var tick = (low / step).rounded(.up) * step
        var ticks: [Double] = []
        while tick <= high + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }
}
