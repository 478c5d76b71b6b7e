import Testing
@testable import MineRisk

/// Each rule of a scenario on the fixture register (C01 60 kt closed 2014, C02 90 kt, C03 150 kt,
/// C04 30 kt closed 2015, C05 300 kt, C06 45 kt closed 2016, C07 210 kt, C08 90 kt closed 2016).
@Suite struct ScenarioRuleTests {
    /// A one-step scenario body: `start`, optional `keep`, the actions of one year.
    func body(start: String = "recorded", keep: String? = nil, year: Int = 2017, _ actions: String) -> String {
        var text = "start: \(start)\n"
        if let keep { text += "keep: [\(keep)]\n" }
        text += "steps:\n  - year: \(year)\n    actions:\n"
        text += actions.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
        return text
    }

    /// Every result must add up: remaining = baseline − closed + change, the counties sum to the total.
    func checkIdentities(_ result: ScenarioResult) {
        let t = result.totals
        #expect(t.baselineMines == t.closedMines + t.remainingMines)
        #expect(abs(t.remainingCapacityTpa - (t.baselineCapacityTpa - t.closedCapacityTpa + t.capacityChangeTpa)) < 1e-6)
        #expect(result.byCounty.map(\.totals.closedMines).reduce(0, +) == t.closedMines)
        #expect(abs(result.byCounty.map(\.totals.remainingCapacityTpa).reduce(0, +) - t.remainingCapacityTpa) < 1e-6)
        #expect(result.closuresByRule.values.reduce(0, +) == t.closedMines)
        if let last = result.byYear.last { #expect(last.totals == t) }
    }

    @Test func closeAtOrBelowClosesAMineExactlyAtTheLine() throws {
        let result = try ScenarioFixtures.run(body(start: "baseline", year: 2016, "- closeAtOrBelow: 90000"))
        #expect(result.closedIDs == ["C01", "C02", "C04", "C06", "C08"]) // C02 and C08 sit exactly at 90,000
        #expect(result.totals.closedMines == 5 && result.totals.remainingMines == 3)
        #expect(result.totals.closedCapacityTpa == 315_000 && result.totals.remainingCapacityTpa == 660_000)
        #expect(abs(result.totals.closureRatio - 0.625) < 1e-12)
        #expect(result.mine("C02")?.closedBy == "close ≤ 90,000 t/yr" && result.mine("C02")?.closedByKey == "closeAtOrBelow")
        #expect(result.mine("C02")?.closedYear == 2016 && result.mine("C02")?.reason == "产能9万吨/年及以下 capacity ≤ 90,000 t/yr")
        #expect(result.closuresByRule == ["close ≤ 90,000 t/yr": 5])
        checkIdentities(result)
        let below = try ScenarioFixtures.run(body(start: "baseline", year: 2016, "- closeAtOrBelow: 89999"))
        #expect(below.closedIDs == ["C01", "C04", "C06"])
    }

    @Test func closeUnderKeepsAMineExactlyAtTheLine() throws {
        let result = try ScenarioFixtures.run(body(start: "baseline", year: 2016, "- closeUnder: 90000"))
        #expect(result.closedIDs == ["C01", "C04", "C06"]) // C02 and C08, exactly at 90,000, stay
        #expect(result.mine("C02")?.status == .operating && result.mine("C08")?.status == .operating)
        #expect(result.mine("C01")?.closedBy == "close < 90,000 t/yr" && result.mine("C01")?.closedByKey == "closeUnder")
        #expect(result.mine("C01")?.reason == "产能9万吨/年以下(不含) capacity < 90,000 t/yr")
        checkIdentities(result)
        let above = try ScenarioFixtures.run(body(start: "baseline", year: 2016, "- closeUnder: 90001"))
        #expect(above.closedIDs == ["C01", "C02", "C04", "C06", "C08"])
        // 300,000 t/yr: C05 is exactly at the line of 发改能源〔2019〕1377号 and stays.
        let line300 = try ScenarioFixtures.run(body("- closeUnder: 300000"))
        #expect(line300.mine("C05")?.status == .operating && line300.mine("C07")?.status == .closed)
        let nothing = try ScenarioFixtures.run(body(start: "baseline", year: 2016, "- closeUnder: 30000"))
        #expect(nothing.closedIDs.isEmpty && nothing.notes == ["2016 close < 30,000 t/yr: no operating mine on that side of the line"])
    }

    @Test func closeAtOrBelowOnTopOfTheRecordedState() throws {
        let result = try ScenarioFixtures.run(body("- closeAtOrBelow: 150000"))
        #expect(result.closedIDs == ["C01", "C02", "C03", "C04", "C06", "C08"])
        #expect(result.closuresByRule == ["recorded": 4, "close ≤ 150,000 t/yr": 2])
        #expect(result.mine("C01")?.closedYear == 2014) // recorded closures keep their year and reason
        #expect(result.mine("C01")?.reason == "9万吨/年以下小煤矿关闭退出")
        #expect(result.mine("C01")?.closedBy == "recorded" && result.mine("C01")?.closedByKey == "recorded")
        checkIdentities(result)
    }

    @Test func twoLinesOfOneKindAreCountedApart() throws {
        let result = try ScenarioFixtures.run(body(start: "baseline", year: 2016, "- closeAtOrBelow: 45000\n- closeUnder: 150000"))
        #expect(result.closuresByRule == ["close ≤ 45,000 t/yr": 2, "close < 150,000 t/yr": 3])
        #expect(result.byYear.last?.events.map(\.rule) == ["close ≤ 45,000 t/yr", "close ≤ 45,000 t/yr",
                                                           "close < 150,000 t/yr", "close < 150,000 t/yr", "close < 150,000 t/yr"])
        #expect(result.byYear.last?.events.map(\.ruleKey) == ["closeAtOrBelow", "closeAtOrBelow", "closeUnder", "closeUnder", "closeUnder"])
        #expect(result.table().contains("关闭依据 Closed by: 产能门槛 close ≤ 45,000 t/yr 2, 产能门槛 close < 150,000 t/yr 3"))
    }

    @Test func closeGradeClosesMajorOrSignificantAndAbove() throws {
        let grades: [String: RiskGrade] = ["C02": .major, "C03": .significant, "C05": .low]
        let major = try ScenarioFixtures.run(body("- closeGrade: major"), grades: grades)
        #expect(major.closedIDs == ["C01", "C02", "C04", "C06", "C08"])
        #expect(major.mine("C02")?.grade == .major && major.mine("C02")?.closedBy == "close graded major")
        #expect(major.mine("C02")?.closedByKey == "closeGrade")
        #expect(major.notes.contains { $0.contains("no grade for C07") })
        #expect(major.gradesUsed)
        let significant = try ScenarioFixtures.run(body("- closeGrade: significant"), grades: grades)
        #expect(significant.closedIDs == ["C01", "C02", "C03", "C04", "C06", "C08"])
        checkIdentities(significant)
        let problems = ScenarioFixtures.problems(body("- closeGrade: major"))
        #expect(problems.map(\.description) == ["test.yaml:7:9: steps[0].actions[0].closeGrade: closeGrade needs the mines' grades from minerisk grade, and none were given"])
    }

    @Test func closeNamesMines() throws {
        let result = try ScenarioFixtures.run(body("- close: [C07, C05]\n  reason: 煤与瓦斯突出"))
        #expect(result.closedIDs == ["C01", "C04", "C05", "C06", "C07", "C08"])
        #expect(result.mine("C07")?.reason == "煤与瓦斯突出" && result.mine("C07")?.closedBy == "close" && result.mine("C07")?.closedByKey == "close")
        let again = ScenarioFixtures.problems(body("- close: [C01]"))
        #expect(again.count == 1)
        #expect(again.first?.description.hasPrefix("test.yaml:7:17: steps[0].actions[0].close[0]: mine C01 is already closed in 2017 (closed in 2014 by recorded)") == true)
        let twice = ScenarioFixtures.problems(body("- close: [C02, C02]"))
        #expect(twice.map(\.message) == ["mine C02 is listed twice"])
    }

    @Test func keepSparesMinesFromRulesAndRefusesContradictions() throws {
        let kept = try ScenarioFixtures.run(body(start: "baseline", keep: "C02", year: 2016, "- closeAtOrBelow: 90000"))
        #expect(kept.mine("C02")?.status == .operating && kept.mine("C02")?.kept == true)
        #expect(kept.notes.contains("2016 close ≤ 90,000 t/yr: kept open C02"))
        let conflict = ScenarioFixtures.problems(body(keep: "C02", "- close: [C02]"))
        #expect(conflict.first?.message == "mine C02 is kept open (test.yaml:4:8: keep[0]) but this action closes it")
        let reopen = ScenarioFixtures.problems(body(keep: "C01", "- closeAtOrBelow: 0"))
        #expect(reopen.first?.message.hasPrefix("mine C01 is recorded closed in 2014: keep cannot reopen it") == true)
        #expect(ScenarioFixtures.problems(body(start: "baseline", keep: "C01", "- closeAtOrBelow: 0")).isEmpty)
    }

    @Test func upgradeRaisesCapacity() throws {
        let result = try ScenarioFixtures.run(body("- upgrade: {mine: C02, capacityTpa: 150000}\n- closeAtOrBelow: 90000"))
        #expect(result.mine("C02")?.status == .operating && result.mine("C02")?.capacityTpa == 150_000)
        #expect(result.mine("C02")?.baselineCapacityTpa == 90_000)
        #expect(result.totals.capacityChangeTpa == 60_000 && result.totals.remainingCapacityTpa == 810_000)
        #expect(result.byYear.last?.events.first?.kind == .upgraded)
        checkIdentities(result)
        let lower = ScenarioFixtures.problems(body("- upgrade: {mine: C05, capacityTpa: 210000}"))
        #expect(lower.map(\.description) == ["test.yaml:7:30: steps[0].actions[0].upgrade.capacityTpa: an upgrade (技改) must raise the capacity: C05 has 300000 t/yr in 2017, found 210000"])
        let closed = ScenarioFixtures.problems(body("- upgrade: {mine: C04, capacityTpa: 90000}"))
        #expect(closed.first?.message.contains("mine C04 is already closed in 2017") == true)
    }

    @Test func mergeClosesTheAbsorbedMinesAndSetsTheMergedCapacity() throws {
        let result = try ScenarioFixtures.run(body("- merge: {mines: [C03, C07], into: C07, capacityTpa: 400000}"))
        #expect(result.mine("C03")?.status == .closed && result.mine("C03")?.closedBy == "merge")
        #expect(result.mine("C03")?.reason == "兼并重组 merged into C07")
        #expect(result.mine("C07")?.status == .operating && result.mine("C07")?.capacityTpa == 400_000)
        #expect(result.totals.closedMines == 5 && result.totals.remainingCapacityTpa == 790_000)
        #expect(result.totals.closedCapacityTpa == 375_000 && result.totals.capacityChangeTpa == 190_000)
        #expect(result.byYear.last?.events.map(\.kind) == [.closed, .merged])
        checkIdentities(result)
    }

    @Test func mergeRefusesClosedMinesAndABadSurvivor() {
        let closed = ScenarioFixtures.problems(body("- merge: {mines: [C01, C02], into: C02, capacityTpa: 150000}"))
        #expect(closed.first?.message.hasPrefix("mine C01 is already closed in 2017 (closed in 2014 by recorded): cannot merge it") == true)
        let survivor = ScenarioFixtures.problems(body("- merge: {mines: [C02, C03], into: C05, capacityTpa: 150000}"))
        #expect(survivor.first?.message == "into: expected one of the merged mines (C02, C03), found \"C05\"")
        let single = ScenarioFixtures.problems(body("- merge: {mines: [C02], into: C02, capacityTpa: 150000}"))
        #expect(single.first?.message == "merge: expected at least two mines to merge, found 1")
    }

    @Test func reduceAtOrBelowCutsTheSmallestFirst() throws {
        let result = try ScenarioFixtures.run(body(year: 2019, "- reduceAtOrBelow: {capacityTpa: 300000, share: 0.5}"))
        #expect(result.closedIDs == ["C01", "C02", "C03", "C04", "C06", "C08"]) // 4 at or below 300 kt: cut 2, smallest first
        #expect(result.mine("C02")?.closedBy == "reduce ≤ 300,000 t/yr by 50%" && result.mine("C02")?.closedByKey == "reduceAtOrBelow")
        let kept = try ScenarioFixtures.run(body(keep: "C02", year: 2019, "- reduceAtOrBelow: {capacityTpa: 300000, share: 0.5}"))
        #expect(kept.closedIDs == ["C01", "C03", "C04", "C06", "C07", "C08"])
        let unmet = try ScenarioFixtures.run(body(keep: "C02", year: 2019, "- reduceAtOrBelow: {capacityTpa: 300000, share: 1}"))
        #expect(unmet.totals.remainingMines == 1)
        #expect(unmet.notes.contains { $0.contains("target not met, 1 more closures needed") })
        // Closures earlier in the year count toward the cut: closeAtOrBelow takes C02, so only C03 more.
        let counted = try ScenarioFixtures.run(body(year: 2019, "- closeAtOrBelow: 90000\n- reduceAtOrBelow: {capacityTpa: 300000, share: 0.5}"))
        #expect(counted.closedIDs == ["C01", "C02", "C03", "C04", "C06", "C08"])
        #expect(counted.mine("C03")?.closedByKey == "reduceAtOrBelow")
        checkIdentities(counted)
    }

    /// 发改能源〔2019〕1377号 counts the mines "30万吨/年以下(不含30万吨/年)": C05, exactly at 300,000 t/yr, is neither
    /// counted nor closed by reduceUnder, while reduceAtOrBelow counts and closes it.
    @Test func reduceUnderLeavesAMineExactlyAtTheLineOutOfTheCount() throws {
        let all = try ScenarioFixtures.run(body(year: 2019, "- reduceUnder: {capacityTpa: 300000, share: 1}"))
        #expect(all.closedIDs == ["C01", "C02", "C03", "C04", "C06", "C07", "C08"])
        #expect(all.mine("C05")?.status == .operating)
        #expect(all.mine("C07")?.closedBy == "reduce < 300,000 t/yr by 100%" && all.mine("C07")?.closedByKey == "reduceUnder")
        #expect(all.mine("C07")?.reason == "压减30万吨/年以下(不含)煤矿100% cut of mines < 300,000 t/yr")
        let inclusive = try ScenarioFixtures.run(body(year: 2019, "- reduceAtOrBelow: {capacityTpa: 300000, share: 1}"))
        #expect(inclusive.mine("C05")?.status == .closed)
        // Three mines under the line at the start of 2019 (C02, C03, C07): half rounds up to two.
        let half = try ScenarioFixtures.run(body(year: 2019, "- reduceUnder: {capacityTpa: 300000, share: 0.5}"))
        #expect(half.closedIDs == ["C01", "C02", "C03", "C04", "C06", "C08"])
        checkIdentities(half)
    }

    @Test func reportsEveryBadValueTogetherBeforeComputing() {
        let problems = ScenarioFixtures.problems(body("""
        - closeUnder: -5
        - close: [C1]
        - reduceUnder: {capacityTpa: 300000, share: 1.5}
        - upgrade: {mine: C02, capacityTpa: 0}
        """))
        #expect(problems.map(\.description) == [
            "test.yaml:7:9: steps[0].actions[0].closeUnder: expected a capacity threshold of 0 t/yr or more, found -5",
            "test.yaml:8:17: steps[0].actions[1].close[0]: unknown mine id \"C1\": not in the register \(ScenarioFixtures.dataDirectory)/coal_mines.csv; did you mean \"C01\"?",
            "test.yaml:9:44: steps[0].actions[2].reduceUnder.share: expected a share of the mines to close, above 0 and at most 1 (0.5 for 50%), found 1.5",
            "test.yaml:10:30: steps[0].actions[3].upgrade.capacityTpa: capacityTpa: expected a positive capacity in t/yr, found 0",
        ])
    }
}
