extension ReportCharts {
    static let rainFill = "6F8FB8"

    /// A pond's rain gauge over the window: the rain of each bar's hours, the largest 3 h sum reached (a line), the
    /// rainstorm signals' 3 h amounts as dashed lines in their colours, and the rainfall warnings shaded.
    static func rainfall(_ item: PondSeries.Item, of series: PondSeries) -> String {
        let top = 44.0, plotLeft = 58.0, plotRight = width - 92, plotHeight = 150.0
        let bottom = top + plotHeight
        var svg = SVGCanvas(width: width, height: bottom + 34)
        let axis = TimeAxis(from: series.from, to: series.to, offsetMinutes: series.offsetMinutes, left: plotLeft, right: plotRight)
        // CMA rainstorm signals over 3 h (orange ≥ 50 mm, red ≥ 100 mm); the 6 h and 12 h ones are in the caption.
        let signals = (item.signals ?? .cma2007).signals.filter { $0.hours == 3 }
        let point = item.points.first
        let sums = point?.rainSum ?? [], rolling = point?.rain3h ?? []
        let high = max(([sums.max() ?? 0] + rolling.compactMap { $0 } + signals.map(\.millimetres)).max()! * 1.1, 10)
        func y(_ v: Double) -> Double { bottom - v / high * plotHeight }
        let hours = Int(series.rainBucketSeconds / 3_600)
        svg.legend([("降雨 rain per \(hours) h (mm)", rainFill), ("3 h 累计 rain in the last 3 h (mm)", "1D2330")], x: plotLeft, y: 16)
        svg.text("\(point?.id ?? "rainfall") · 暴雨预警信号 rainstorm signals", x: plotLeft, y: 36, size: 11.5, weight: 600)
        axis.shade(&svg, spans: item.spans, top: top, bottom: bottom)
        for tick in niceTicks(maximum: high, target: 4, integers: false) where tick <= high {
            svg.line(x1: plotLeft, y1: y(tick), x2: plotRight, y2: y(tick), stroke: gridColour)
            svg.text(formatNumber(tick), x: plotLeft - 6, y: y(tick) + 4, anchor: .end, size: 11, fill: mutedText)
        }
        axis.draw(&svg, top: top, bottom: bottom)
        let bar = Double(series.rainBucketSeconds)
        for (i, mm) in sums.enumerated() where mm > 0 {
            let start = series.from + Int64(Double(i) * bar)
            let a = axis.x(start), b = axis.x(start + series.rainBucketSeconds)
            svg.rect(x: a + 0.5, y: y(mm), width: max(b - a - 1, 1), height: bottom - y(mm), fill: rainFill,
                     tooltip: "\(ISOTime.format(start, offsetMinutes: series.offsetMinutes)): \(formatNumber((mm * 10).rounded() / 10)) mm")
        }
        let line = rolling.enumerated().compactMap { i, v in
            v.map { (axis.x(series.from + Int64((Double(i) + 0.5) * bar)), y($0)) }
        }
        svg.path(line, stroke: "1D2330", width: 1.6)
        for signal in signals {
            let ink = signal.level.sameColourGrade!.textOnWhite
            svg.line(x1: plotLeft, y1: y(signal.millimetres), x2: plotRight, y2: y(signal.millimetres), stroke: ink, width: 1.4, dashed: true)
            svg.text("\(signal.level.chinese) \(formatNumber(signal.millimetres)) mm/3 h", x: plotRight + 4, y: y(signal.millimetres) + 4,
                     size: 11, weight: 600, fill: ink)
        }
        return svg.render(label: "\(series.pond.id) rainfall")
    }
}
