/// A scenario's outcome as the report's coal chart and as a workbook.
extension ScenarioResult {
    /// Mines and capacity before and after, overall and by county, for the HTML report.
    public var capacityComparison: CoalCapacityComparison {
        func counts(_ t: ScenarioTotals) -> (CoalCapacityComparison.Counts, CoalCapacityComparison.Counts) {
            (.init(mines: t.baselineMines, capacityTpa: t.baselineCapacityTpa), .init(mines: t.remainingMines, capacityTpa: t.remainingCapacityTpa))
        }
        let (baseline, remaining) = counts(totals)
        return CoalCapacityComparison(
            scenario: "\(scenario.name.zh) \(scenario.name.en)", baseline: baseline, remaining: remaining,
            byCounty: byCounty.map { county in
                let (b, r) = counts(county.totals)
                return .init(county: county.county, baseline: b, remaining: r)
            })
    }

    /// The scenario in four sheets: summary, year by year, by county, mine by mine (capacity in 万吨/年).
    public func workbook() -> XLSXWorkbook {
        let tenK = XLSXStyle(numberFormat: "0.0")
        let ratio = XLSXStyle(numberFormat: "0.0%")
        func wan(_ tpa: Double) -> XLSXCell { .number(tpa / 10_000, style: tenK) }
        var summary = XLSXSheet(name: "汇总 Summary", columnWidths: [34, 16])
        summary.append([.text("\(scenario.name.zh) \(scenario.name.en)", style: .title)])
        summary.append([.text("指标 Measure", style: .header), .text("数值 Value", style: .header)])
        let rows: [(String, XLSXCell)] = [
            ("基准煤矿 Baseline mines", .number(totals.baselineMines)),
            ("关闭煤矿 Closed mines", .number(totals.closedMines)),
            ("保留煤矿 Remaining mines", .number(totals.remainingMines)),
            ("关闭比例 Closure ratio", .number(totals.closureRatio, style: ratio)),
            ("基准产能 Baseline capacity 万吨/年", wan(totals.baselineCapacityTpa)),
            ("关闭产能 Closed capacity 万吨/年", wan(totals.closedCapacityTpa)),
            ("保留产能 Remaining capacity 万吨/年", wan(totals.remainingCapacityTpa)),
            ("产能压减比例 Capacity reduction", .number(totals.capacityReductionRatio, style: ratio)),
        ]
        for (label, value) in rows { summary.append([.text(label), value]) }
        for note in notes { summary.append([.text(note)]) }

        let years = XLSXSheet.table(
            name: "分年度 By year",
            headers: ["年份 Year", "当年关闭 Closed", "当年关闭产能 万吨/年", "累计关闭 Total closed", "保留 Remaining",
                      "关闭比例 Ratio", "保留产能 万吨/年"],
            rows: byYear.map { y in
                [.number(y.year), .number(y.closedThisYear), wan(y.closedCapacityThisYearTpa), .number(y.totals.closedMines),
                 .number(y.totals.remainingMines), .number(y.totals.closureRatio, style: ratio), wan(y.totals.remainingCapacityTpa)]
            })
        let counties = XLSXSheet.table(
            name: "分县市 By county",
            headers: ["县市 County", "基准 Baseline", "关闭 Closed", "保留 Remaining", "关闭比例 Ratio", "基准产能 万吨/年", "保留产能 万吨/年"],
            rows: byCounty.map { c in
                [.text(c.county), .number(c.totals.baselineMines), .number(c.totals.closedMines), .number(c.totals.remainingMines),
                 .number(c.totals.closureRatio, style: ratio), wan(c.totals.baselineCapacityTpa), wan(c.totals.remainingCapacityTpa)]
            })
        let mineRows: [[XLSXCell]] = mines.map { m in
            [.text(m.id), .text(m.name), .text(m.county), .text("\(m.status.zh) \(m.status.rawValue)"), wan(m.capacityTpa),
             wan(m.baselineCapacityTpa), .number(m.closedYear), .text(m.closedBy ?? ""), .text(m.reason ?? ""),
             m.grade.map { .text("\($0.zh) \($0.rawValue)", style: XLSXStyle(fill: $0.rgb)) } ?? .text(""), .text(m.kept ? "yes" : "")]
        }
        let mineSheet = XLSXSheet.table(
            name: "煤矿 Mines",
            headers: ["编号 ID", "名称 Name", "县市 County", "状态 Status", "产能 万吨/年", "基准产能 万吨/年", "关闭年份 Closed",
                      "依据 Rule", "原因 Reason", "风险等级 Grade", "保留 Kept"],
            rows: mineRows, frozenColumns: 2)
        return XLSXWorkbook(sheets: [summary, years, counties, mineSheet])
    }
}
