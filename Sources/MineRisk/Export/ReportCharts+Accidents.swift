extension ReportCharts {
    static let accidentFill = "8A94A6"
    static let deathFill = "D7263D"

    /// Production-safety accidents and deaths by year, side by side, for the prefecture's ten-year trend.
    static func accidents(_ years: [AccidentYear]) -> String {
        let rows = years.sorted { $0.year < $1.year }
        let top = 40.0, plotLeft = 44.0, plotRight = width - 16, plotHeight = 170.0
        let bottom = top + plotHeight
        var svg = SVGCanvas(width: width, height: bottom + 40)
        svg.legend([("事故起数 Accidents", accidentFill), ("死亡人数 Deaths", deathFill)], x: plotLeft, y: 16)
        let ticks = niceTicks(maximum: Double(rows.map { max($0.accidents, $0.deaths) }.max() ?? 1), target: 4)
        let yScale = plotHeight / ticks.last!
        for tick in ticks {
            let y = bottom - tick * yScale
            svg.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: gridColour)
            svg.text(tick.clean, x: plotLeft - 6, y: y + 4, anchor: .end, size: 11, fill: mutedText)
        }
        let slot = (plotRight - plotLeft) / Double(max(rows.count, 1))
        let barWidth = slot * 0.32
        for (i, row) in rows.enumerated() {
            let x = plotLeft + slot * Double(i) + slot * 0.16
            for (offset, value, fill, label) in [(0.0, row.accidents, accidentFill, "accidents"), (barWidth + 2, row.deaths, deathFill, "deaths")] {
                let height = Double(value) * yScale
                svg.rect(x: x + offset, y: bottom - height, width: barWidth, height: height, fill: fill,
                         tooltip: "\(row.year): \(value) \(label)")
                svg.text(String(value), x: x + offset + barWidth / 2, y: bottom - height - 4, anchor: .middle, size: 10.5, fill: mutedText)
            }
            svg.text(String(row.year), x: x + barWidth + 1, y: bottom + 16, anchor: .middle, size: 11.5)
        }
        svg.line(x1: plotLeft, y1: bottom, x2: plotRight, y2: bottom, stroke: axisColour)
        svg.text("年份 Year", x: (plotLeft + plotRight) / 2, y: bottom + 34, anchor: .middle, size: 11.5, fill: mutedText)
        return svg.render(label: "事故起数和死亡人数 Accidents and deaths by year")
    }
}
