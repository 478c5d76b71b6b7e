import Foundation

/// Terminal tables of a scenario, bilingual; capacities in 万吨/年 (DOMAIN §6).
extension ScenarioResult {
    /// A rule as a bureau reads it: a Chinese word for its kind (by key), then its label with line and
    /// boundary ("产能门槛 close ≤ 90,000 t/yr").
    public static func ruleLabel(key: String, label: String) -> String {
        let zh: String
        switch key {
        case "recorded": zh = "登记"
        case "closeAtOrBelow", "closeUnder": zh = "产能门槛"
        case "closeGrade": zh = "风险等级"
        case "close": zh = "点名"
        case "merge": zh = "兼并重组"
        case "reduceAtOrBelow", "reduceUnder": zh = "压减"
        case "upgrade": zh = "技改"
        default: return label
        }
        return "\(zh) \(label)"
    }

    /// The closures by rule in the order they first happen, each with its bureau label.
    func closuresByRuleText() -> [String] {
        var order: [(key: String, label: String)] = []
        for event in byYear.flatMap(\.events) where event.kind == .closed && !order.contains(where: { $0.label == event.rule }) {
            order.append((event.ruleKey, event.rule))
        }
        return order.map { "\(Self.ruleLabel(key: $0.key, label: $0.label)) \(closuresByRule[$0.label] ?? 0)" }
    }

    /// A ratio as a percentage with one decimal.
    static func percent(_ ratio: Double) -> String { String(format: "%.1f%%", ratio * 100) }

    /// The whole view: heading, totals, year by year, by county, mine by mine, notes.
    public func table() -> String {
        var out = "情景 Scenario: \(scenario.name.zh) \(scenario.name.en)\n"
        out += "文件 File: \(scenario.file ?? "(none)")   起点 Start: \(scenario.start.rawValue)   登记册 Register: \(register.file)\n"
        if let source = scenario.source { out += "依据 Source: \(source)\n" }
        out += "\n汇总 Summary\n" + summaryTable().render()
        let rules = closuresByRuleText()
        if !rules.isEmpty { out += "关闭依据 Closed by: " + rules.joined(separator: ", ") + "\n" }
        if !byYear.isEmpty { out += "\n分年度 By year (state at year end)\n" + yearTable().render() }
        out += "\n分县市 By county\n" + Self.countyTable(byCounty).render()
        out += "\n煤矿 Mines\n" + mineTable().render()
        if !notes.isEmpty { out += "\n注 Notes\n" + notes.map { "- \($0)\n" }.joined() }
        return out
    }

    /// The headline measures, one per row.
    public func summaryTable() -> TextTable {
        var table = TextTable(headers: ["指标 Measure", "数值 Value"])
        table.rightAligned = [1]
        for (label, value) in Self.measures(totals) { table.add([label, value]) }
        return table
    }

    /// Labelled totals, shared by the summary and the comparison.
    static func measures(_ t: ScenarioTotals, showChange: Bool = false) -> [(String, String)] {
        var rows = [
            ("基准煤矿 Baseline mines", String(t.baselineMines)),
            ("关闭煤矿 Closed mines", String(t.closedMines)),
            ("保留煤矿 Remaining mines", String(t.remainingMines)),
            ("关闭比例 Closure ratio", percent(t.closureRatio)),
            ("基准产能 Baseline capacity 万吨/年", formatWan(t.baselineCapacityTpa)),
            ("关闭产能 Closed capacity 万吨/年", formatWan(t.closedCapacityTpa)),
            ("保留产能 Remaining capacity 万吨/年", formatWan(t.remainingCapacityTpa)),
        ]
        if showChange || t.capacityChangeTpa.rounded(to: 2) != 0 {
            rows.append(("技改与兼并增减 Upgrades and mergers 万吨/年", formatWan(t.capacityChangeTpa)))
        }
        rows.append(("产能压减比例 Capacity reduction", percent(t.capacityReductionRatio)))
        return rows
    }

    /// One row per year: what closed in it and the state at its end.
    public func yearTable() -> TextTable {
        var table = TextTable(headers: ["年份 Year", "当年关闭 Closed", "当年关闭产能 万吨/年", "累计关闭 Total closed",
                                        "保留 Remaining", "关闭比例 Ratio", "保留产能 万吨/年", "变化 Changes"])
        table.rightAligned = [0, 1, 2, 3, 4, 5, 6]
        for year in byYear {
            var changes = year.events.map { event -> String in
                switch event.kind {
                case .closed: return "\(event.mine) 关闭"
                case .upgraded: return "\(event.mine) 技改 → \(formatWan(event.capacityAfterTpa))"
                case .merged: return "\(event.mine) 兼并 → \(formatWan(event.capacityAfterTpa))"
                }
            }.joined(separator: ", ")
            if let note = year.note { changes = changes.isEmpty ? note : "\(note): \(changes)" }
            table.add([String(year.year), String(year.closedThisYear), formatWan(year.closedCapacityThisYearTpa),
                       String(year.totals.closedMines), String(year.totals.remainingMines), Self.percent(year.totals.closureRatio),
                       formatWan(year.totals.remainingCapacityTpa), changes])
        }
        return table
    }

    /// One row per county.
    public static func countyTable(_ counties: [CountyOutcome]) -> TextTable {
        var table = TextTable(headers: ["县市 County", "基准 Baseline", "关闭 Closed", "保留 Remaining", "关闭比例 Ratio",
                                        "基准产能 万吨/年", "保留产能 万吨/年"])
        table.rightAligned = [1, 2, 3, 4, 5, 6]
        for c in counties {
            let t = c.totals
            table.add([c.county, String(t.baselineMines), String(t.closedMines), String(t.remainingMines), percent(t.closureRatio),
                       formatWan(t.baselineCapacityTpa), formatWan(t.remainingCapacityTpa)])
        }
        return table
    }

    /// One row per mine of the register.
    public func mineTable() -> TextTable {
        var headers = ["编号 ID", "名称 Name", "县市 County", "状态 Status", "产能 万吨/年", "关闭年份 Closed", "依据 Rule", "原因 Reason"]
        if gradesUsed { headers.insert("等级 Grade", at: 4) }
        var table = TextTable(headers: headers)
        table.rightAligned = gradesUsed ? [5, 6] : [4, 5]
        for m in mines {
            var status = "\(m.status.zh) \(m.status.rawValue)"
            if m.kept { status += " (keep)" }
            var row = [m.id, m.name, m.county, status, formatWan(m.capacityTpa), m.closedYear.map(String.init) ?? "",
                       m.closedBy.map { Self.ruleLabel(key: m.closedByKey ?? $0, label: $0) } ?? "", m.reason ?? ""]
            if gradesUsed { row.insert(m.grade.map { "\($0.zh) \($0.english)" } ?? "—", at: 4) }
            table.add(row)
        }
        return table
    }
}
