import Foundation

extension ReportCharts {
    static let monitoredFill = "2E7D5B"

    /// Tailings ponds by class (1–5), split by online monitoring; classes that must be monitored are shaded.
    static func pondClasses(_ rows: [PondClassCount], duty: MonitoringDuty) -> String {
        let names = ["一等库", "二等库", "三等库", "四等库", "五等库"]
        let top = 66.0, plotLeft = 44.0, plotRight = width - 16, plotHeight = 150.0
        let bottom = top + plotHeight
        var svg = SVGCanvas(width: width, height: bottom + 40)
        let byClass = Dictionary(uniqueKeysWithValues: rows.map { ($0.pondClass, $0) })
        let ticks = niceTicks(maximum: Double(rows.map(\.ponds).max() ?? 1), target: 4)
        let yScale = plotHeight / ticks.last!
        let slot = (plotRight - plotLeft) / 5
        svg.legend([("已在线监测 Monitored", monitoredFill), ("须监测而未监测 Required, not monitored", RiskGrade.major.rgb),
                    ("未监测 (不要求) Not monitored, not required", incompleteFill)], x: plotLeft, y: 16)
        // The monitoring duty of the round's date (DOMAIN §5): classes 1–3 before 2021-09-01, every pond after.
        let requiredClasses = (1...5).filter { duty.requires(pondClass: $0) }
        if let last = requiredClasses.max() {
            svg.rect(x: plotLeft, y: top - 34, width: slot * Double(last), height: plotHeight + 34, fill: monitoredFill, opacity: 0.07)
            svg.text("须在线监测 online monitoring required (class 1–\(last): \(duty.text))", x: plotLeft + 6, y: top - 20, size: 11, fill: monitoredFill)
        }
        for tick in ticks {
            let y = bottom - tick * yScale
            svg.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: gridColour)
            svg.text(tick.clean, x: plotLeft - 6, y: y + 4, anchor: .end, size: 11, fill: mutedText)
        }
        for pondClass in 1...5 {
            let x = plotLeft + slot * Double(pondClass - 1) + slot * 0.25
            let barWidth = slot * 0.5
            let row = byClass[pondClass]
            let monitored = row?.monitored ?? 0, missing = (row?.ponds ?? 0) - monitored
            let required = row?.required ?? requiredClasses.contains(pondClass)
            svg.rect(x: x, y: bottom - Double(monitored) * yScale, width: barWidth, height: Double(monitored) * yScale,
                     fill: monitoredFill, tooltip: "\(names[pondClass - 1]) class \(pondClass): \(monitored) monitored")
            let top = bottom - Double(monitored + missing) * yScale
            svg.rect(x: x, y: top, width: barWidth, height: Double(missing) * yScale, fill: required ? RiskGrade.major.rgb : incompleteFill,
                     tooltip: "\(names[pondClass - 1]) class \(pondClass): \(missing) not monitored")
            svg.text(String(row?.ponds ?? 0), x: x + barWidth / 2, y: top - 5, anchor: .middle, size: 12, weight: 600)
            svg.text("\(names[pondClass - 1]) \(pondClass)", x: x + barWidth / 2, y: bottom + 17, anchor: .middle, size: 12)
        }
        svg.line(x1: plotLeft, y1: bottom, x2: plotRight, y2: bottom, stroke: axisColour)
        svg.text("尾矿库等别 Pond class (AQ 2006-2005 Table 1, GB 50863-2013 §3.3.1)", x: (plotLeft + plotRight) / 2, y: bottom + 34,
                 anchor: .middle, size: 11.5, fill: mutedText)
        return svg.render(label: "尾矿库等别与在线监测 Pond classes and online monitoring")
    }

    /// Coal capacity by county before and after a scenario, in 万吨/年, with the mine counts.
    static func coalCapacity(_ comparison: CoalCapacityComparison) -> String {
        let counties = comparison.byCounty.sorted { a, b in
            a.baseline.capacityTpa != b.baseline.capacityTpa ? a.baseline.capacityTpa > b.baseline.capacityTpa : a.county < b.county
        }
        let labelWidth = Double((counties.map { displayWidth($0.county) }.max() ?? 4) + 2) * 6.6
        let top = 34.0, row = 34.0, plotLeft = labelWidth + 8, plotRight = width - 200
        let height = top + Double(counties.count) * row + 28
        let ticks = niceTicks(maximum: (counties.map(\.baseline.capacityTpa).max() ?? 1) / 10_000)
        let scale = (plotRight - plotLeft) / ticks.last!
        var svg = SVGCanvas(width: width, height: height)
        svg.legend([("情景前 Before", "C9CED8"), ("情景后 After", "3D4B63")], x: plotLeft, y: 16)
        axis(&svg, ticks: ticks, left: plotLeft, scale: scale, top: top - 4, bottom: top + Double(counties.count) * row)
        for (i, county) in counties.enumerated() {
            let y = top + Double(i) * row
            svg.text(county.county, x: labelWidth, y: y + 21, anchor: .end, size: 12.5)
            let before = county.baseline.capacityTpa / 10_000, after = county.remaining.capacityTpa / 10_000
            svg.rect(x: plotLeft, y: y + 4, width: before * scale, height: 12, fill: "C9CED8", tooltip: "\(county.county) before: \(wan(before)) 万吨/年")
            svg.rect(x: plotLeft, y: y + 17, width: after * scale, height: 12, fill: "3D4B63", tooltip: "\(county.county) after: \(wan(after)) 万吨/年")
            svg.text("\(wan(before)) → \(wan(after)) 万吨/年 · \(county.baseline.mines) → \(county.remaining.mines) 处",
                     x: plotLeft + before * scale + 6, y: y + 21, size: 11, fill: mutedText)
        }
        svg.text("产能 Capacity, 万吨/年 (10⁴ t/yr)", x: (plotLeft + plotRight) / 2, y: height - 2, anchor: .middle, size: 11.5, fill: mutedText)
        return svg.render(label: "煤矿产能情景前后 Coal capacity before and after the scenario")
    }

    /// Each facility's grade probabilities as a 100 % bar, low to major, with the grade it was given.
    static func gradeProbabilities(_ probabilities: GradeProbabilities, facilities: [FacilityResult]) -> String {
        let known = facilities.filter { probabilities.byFacility[$0.id] != nil }
        let knownIDs = Set(known.map(\.id))
        let others = probabilities.byFacility.keys.filter { !knownIDs.contains($0) }.sorted()
        let rows: [(label: String, p: [Double], grade: RiskGrade?)] =
            known.map { ("\($0.id) \($0.name)", probabilities.byFacility[$0.id]!, $0.grade) } + others.map { ($0, probabilities.byFacility[$0]!, nil) }
        let labelWidth = min(Double((rows.map { displayWidth($0.label) }.max() ?? 8) + 1) * 6.0, 250)
        let top = 40.0, row = 17.0, plotLeft = labelWidth + 8, plotRight = width - 110
        let height = top + Double(rows.count) * row + 24
        var svg = SVGCanvas(width: width, height: height)
        svg.legend(RiskGrade.allCases.map { ($0.bilingual, $0.rgb) }, x: plotLeft, y: 14)
        svg.text("定级 Graded", x: plotRight + 8, y: top - 5, size: 11, fill: mutedText)
        let span = plotRight - plotLeft
        let bottom = top + Double(rows.count) * row
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = plotLeft + tick * span
            svg.line(x1: x, y1: top, x2: x, y2: bottom + 4, stroke: axisColour)
            svg.text(String(format: "%.0f%%", tick * 100), x: x, y: bottom + 17, anchor: .middle, size: 10.5, fill: mutedText)
        }
        for (i, entry) in rows.enumerated() {
            let y = top + Double(i) * row
            svg.text(entry.label, x: labelWidth, y: y + 12, anchor: .end, size: 11)
            let total = entry.p.reduce(0, +)
            var x = plotLeft
            for grade in RiskGrade.allCases where grade.index < entry.p.count {
                let share = total > 0 ? entry.p[grade.index] / total : 0
                svg.rect(x: x, y: y + 2, width: share * span, height: row - 4, fill: grade.rgb,
                         tooltip: "\(entry.label): \(grade.bilingual) \(String(format: "%.1f", share * 100)) %")
                if share * span >= 28 {
                    svg.text(String(format: "%.0f%%", share * 100), x: x + share * span / 2, y: y + 12, anchor: .middle, size: 10, fill: grade.ink)
                }
                x += share * span
            }
            if let grade = entry.grade {
                svg.text(grade.zh, x: plotRight + 8, y: y + 12, size: 11, weight: 600, fill: grade.textOnWhite)
            }
        }
        return svg.render(label: "各设施风险等级概率 Grade probabilities per facility")
    }

    /// 万吨/年 with one decimal, or none when whole.
    static func wan(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
