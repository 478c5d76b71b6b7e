import Foundation

extension ScenarioComparison {
    /// The scenarios side by side: one column each, one measure per row.
    public func table() -> String {
        let columns = scenarios.map { $0.scenario.file.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "recorded" }
        var table = TextTable(headers: ["指标 Measure"] + columns)
        table.rightAligned = Set(1...max(1, scenarios.count))
        table.add(["情景 Scenario"] + scenarios.map(\.scenario.name.zh))
        table.add(["Scenario"] + scenarios.map(\.scenario.name.en))
        table.add(["起点 Start"] + scenarios.map(\.scenario.start.rawValue))
        table.add(["年份 Years"] + scenarios.map { $0.years.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "—" })
        let measures = scenarios.map { ScenarioResult.measures($0.totals, showChange: true) }
        for (row, (label, _)) in (measures.first ?? []).enumerated() {
            table.add([label] + measures.map { $0[row].1 })
        }
        var out = "情景比较 Scenario comparison   登记册 Register: \(register.file)\n" + table.render()
        for (column, result) in zip(columns, scenarios) where !result.notes.isEmpty {
            out += "\n注 Notes (\(column))\n" + result.notes.map { "- \($0)\n" }.joined()
        }
        return out
    }
}
