import Foundation

/// The report's charts, each drawn as an inline SVG from plain values.
enum ReportCharts {
    static let width = 760.0
    static let incompleteFill = "B8BEC8"
    static let gridColour = "E3E6EC"
    static let axisColour = "8A93A3"
    static let mutedText = "5B6475"

    /// Grades by county: one stacked bar per county, worst grade first, incomplete assessments in grey.
    static func gradesByCounty(_ summary: GradeSummary) -> String {
        let counties = summary.byCounty.sorted { a, b in
            a.value.facilities != b.value.facilities ? a.value.facilities > b.value.facilities : a.key < b.key
        }
        let labelWidth = Double((counties.map { displayWidth($0.key) }.max() ?? 4) + 2) * 6.6
        let top = 34.0, row = 22.0
        let plotLeft = labelWidth + 8, plotRight = width - 40
        let height = top + Double(counties.count) * row + 28
        let ticks = niceTicks(maximum: Double(counties.map(\.value.facilities).max() ?? 1))
        let scale = (plotRight - plotLeft) / ticks.last!
        var svg = SVGCanvas(width: width, height: height)
        svg.legend(RiskGrade.allCases.reversed().map { ($0.bilingual, $0.rgb) } + [("不完整 Incomplete", incompleteFill)], x: plotLeft, y: 16)
        let bottom = top + Double(counties.count) * row
        axis(&svg, ticks: ticks, left: plotLeft, scale: scale, top: top - 4, bottom: bottom)
        for (i, (county, count)) in counties.enumerated() {
            let y = top + Double(i) * row
            svg.text(county, x: labelWidth, y: y + 15, anchor: .end, size: 12.5)
            var x = plotLeft
            let segments = RiskGrade.allCases.reversed().map { (count.byGrade[$0.rawValue] ?? 0, $0.rgb, $0.ink, $0.bilingual) }
                + [(count.incomplete, incompleteFill, "1A1A1A", "不完整 Incomplete")]
            for (n, fill, ink, label) in segments where n > 0 {
                let w = Double(n) * scale
                svg.rect(x: x, y: y + 3, width: w, height: row - 6, fill: fill, tooltip: "\(county) · \(label): \(n)")
                if w >= 16 { svg.text(String(n), x: x + w / 2, y: y + 15, anchor: .middle, size: 11, weight: 600, fill: ink) }
                x += w
            }
            svg.text(String(count.facilities), x: x + 5, y: y + 15, size: 11.5, fill: mutedText)
        }
        return svg.render(label: "各县市风险等级分布 Grades by county")
    }

    /// The score distribution of one band set: 20 bins, stacked by final grade, band areas and edges marked.
    static func scoreHistogram(_ facilities: [FacilityResult], bands: ScoreBands) -> String {
        let low = bands.bands.map(\.from).min() ?? 0, high = bands.bands.map(\.to).max() ?? 100
        let binCount = 20
        let binWidth = (high - low) / Double(binCount)
        var bins = [[Int]](repeating: [0, 0, 0, 0], count: binCount)
        for r in facilities where bands.kinds.contains(r.kind) {
            guard let score = r.score, let grade = r.grade else { continue }
            // Bins are [a, a + w), the last one closed, as the bands are (GradeBands).
            let bin = min(max(Int(((score - low) / binWidth).rounded(.down)), 0), binCount - 1)
            bins[bin][grade.index] += 1
        }
        let top = 40.0, plotLeft = 44.0, plotRight = width - 16, plotHeight = 170.0
        let bottom = top + plotHeight
        let height = bottom + 44
        let yTicks = niceTicks(maximum: Double(bins.map { $0.reduce(0, +) }.max() ?? 1), target: 4)
        let yScale = plotHeight / yTicks.last!
        let xScale = (plotRight - plotLeft) / (high - low)
        func x(_ score: Double) -> Double { plotLeft + (score - low) * xScale }
        var svg = SVGCanvas(width: width, height: height)
        for band in bands.bands {
            svg.rect(x: x(band.from), y: top, width: (band.to - band.from) * xScale, height: plotHeight, fill: band.grade.rgb, opacity: 0.09)
            svg.text("\(band.grade.bilingual)", x: x((band.from + band.to) / 2), y: top - 8, anchor: .middle, size: 11.5, weight: 600, fill: band.grade.textOnWhite)
        }
        for tick in yTicks {
            let y = bottom - tick * yScale
            svg.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: gridColour)
            svg.text(tick.clean, x: plotLeft - 6, y: y + 4, anchor: .end, size: 11, fill: mutedText)
        }
        for (i, bin) in bins.enumerated() {
            var y = bottom
            for grade in RiskGrade.allCases where bin[grade.index] > 0 {
                let h = Double(bin[grade.index]) * yScale
                let from = low + Double(i) * binWidth
                svg.rect(x: x(from) + 1.5, y: y - h, width: binWidth * xScale - 3, height: h, fill: grade.rgb,
                         tooltip: "\(from.clean)–\((from + binWidth).clean): \(bin[grade.index]) \(grade.bilingual)")
                y -= h
            }
        }
        svg.line(x1: plotLeft, y1: bottom, x2: plotRight, y2: bottom, stroke: axisColour)
        let edges = Set(bands.bands.dropFirst().map(\.from))
        // Ticks every tenth of the range, and at every band edge (a regular tick too close to an edge gives way).
        let step = (high - low) / 10
        let regular = (0...10).map { low + Double($0) * step }.filter { t in !edges.contains { abs($0 - t) < step * 0.45 && $0 != t } }
        for tick in Set(regular).union(edges).sorted() {
            let isEdge = edges.contains(tick)
            svg.line(x1: x(tick), y1: bottom, x2: x(tick), y2: bottom + 4, stroke: axisColour)
            svg.text(tick.clean, x: x(tick), y: bottom + 17, anchor: .middle, size: isEdge ? 11.5 : 10.5,
                     weight: isEdge ? 700 : 400, fill: isEdge ? "1D2330" : mutedText)
        }
        for edge in edges.sorted() {
            svg.line(x1: x(edge), y1: top, x2: x(edge), y2: bottom, stroke: "1D2330", width: 1.2, dashed: true)
        }
        svg.text("风险分值 Risk score (band edges dashed; bars coloured by final grade, vetoes included)",
                 x: (plotLeft + plotRight) / 2, y: bottom + 36, anchor: .middle, size: 11.5, fill: mutedText)
        svg.text("数量", x: 4, y: top - 8, size: 11, fill: mutedText)
        return svg.render(label: "风险分值分布 Score distribution")
    }

    /// A count axis along the top of the bars' area: gridlines and labels below.
    static func axis(_ svg: inout SVGCanvas, ticks: [Double], left: Double, scale: Double, top: Double, bottom: Double) {
        for tick in ticks {
            let x = left + tick * scale
            svg.line(x1: x, y1: top, x2: x, y2: bottom, stroke: tick == 0 ? axisColour : gridColour)
            svg.text(tick.clean, x: x, y: bottom + 15, anchor: .middle, size: 11, fill: mutedText)
        }
    }
}
