import Foundation
import Testing
@testable import MineRisk

/// The year-by-year schedule: recorded closures replayed, steps in year order, each year's state.
@Suite struct ScenarioScheduleTests {
    @Test func replaysTheRecordedClosuresYearByYear() throws {
        let result = try ScenarioEngine(register: ScenarioFixtures.register()).run(.recorded)
        #expect(result.byYear.map(\.year) == [2014, 2015, 2016])
        #expect(result.byYear.map(\.closedThisYear) == [1, 1, 2])
        #expect(result.byYear.map(\.closedCapacityThisYearTpa) == [60_000, 30_000, 135_000])
        #expect(result.byYear.map(\.totals.closedMines) == [1, 2, 4])
        #expect(result.byYear.map(\.totals.remainingCapacityTpa) == [915_000, 885_000, 750_000])
        #expect(result.byYear[2].events.map(\.mine) == ["C06", "C08"])
        #expect(result.byYear[2].events.allSatisfy { $0.rule == "recorded" && $0.ruleKey == "recorded" && $0.kind == .closed })
        let t = result.totals
        #expect(t.baselineMines == 8 && t.closedMines == 4 && t.remainingMines == 4)
        #expect(abs(t.closureRatio - 0.5) < 1e-12)
        #expect(t.baselineCapacityTpa == 975_000 && t.closedCapacityTpa == 225_000 && t.remainingCapacityTpa == 750_000)
        #expect(abs(t.capacityReductionRatio - 225_000.0 / 975_000.0) < 1e-12)
        // Every mine's final state is the register's.
        let register = try ScenarioFixtures.register()
        for mine in register.mines {
            #expect(result.mine(mine.id)?.status == mine.status)
            #expect(result.mine(mine.id)?.closedYear == mine.closedYear)
        }
    }

    @Test func countyTotalsAddUpEveryYear() throws {
        let result = try ScenarioEngine(register: ScenarioFixtures.register()).run(.recorded)
        for year in result.byYear {
            #expect(year.byCounty.map(\.totals.baselineMines).reduce(0, +) == 8)
            #expect(year.byCounty.map(\.totals.closedMines).reduce(0, +) == year.totals.closedMines)
            #expect(abs(year.byCounty.map(\.totals.remainingCapacityTpa).reduce(0, +) - year.totals.remainingCapacityTpa) < 1e-6)
        }
        let yanyuan = try #require(result.byCounty.first { $0.county == "盐源县" })
        #expect(yanyuan.totals.baselineMines == 3 && yanyuan.totals.closedMines == 2)
        #expect(abs(yanyuan.totals.closureRatio - 2.0 / 3.0) < 1e-12)
    }

    @Test func theThreeYearPlanShowsEveryYear() throws {
        let scenario = try ScenarioLoader.load(path: ScenarioFixtures.readyScenarios + "/rule-300kt.yaml")
        let result = try ScenarioEngine(register: ScenarioFixtures.register()).run(scenario)
        #expect(result.byYear.map(\.year) == Array(2014...2020)) // 2017 has no change and is still shown
        #expect(result.byYear.first { $0.year == 2017 }?.events.isEmpty == true)
        let closed = Dictionary(uniqueKeysWithValues: result.byYear.map { ($0.year, $0.totals.closedMines) })
        // 2018 ≤ 90 kt takes C02; 2019 < 150 kt finds nothing (C03 is exactly at 150 kt); 2020 < 300 kt takes
        // C03 and C07, and C05, exactly at 300 kt, stays.
        #expect(closed[2016] == 4 && closed[2018] == 5 && closed[2019] == 5 && closed[2020] == 7)
        #expect(result.byYear.first { $0.year == 2019 }?.note == "15万吨/年以下 (< 150,000 t/yr)")
        #expect(result.notes.contains("2019 close < 150,000 t/yr: no operating mine on that side of the line"))
        #expect(result.byYear.first { $0.year == 2020 }?.events.map(\.mine) == ["C03", "C07"])
        #expect(result.mine("C05")?.status == .operating)
        #expect(result.totals.remainingCapacityTpa == 300_000 && result.totals.closureRatio == 7.0 / 8.0)
        #expect(result.closuresByRule == ["recorded": 4, "close ≤ 90,000 t/yr": 1, "close < 300,000 t/yr": 2])
    }

    @Test func aBaselineScenarioIgnoresTheRecordedClosures() throws {
        let result = try ScenarioFixtures.run("start: baseline\nsteps:\n  - year: 2018\n    actions: [{close: [C05]}]\n")
        #expect(result.byYear.map(\.year) == [2018])
        #expect(result.closedIDs == ["C05"])
        #expect(result.mine("C01")?.status == .operating) // recorded closed, but not in this scenario
        let nothing = try ScenarioFixtures.run("start: baseline\n")
        #expect(nothing.byYear.isEmpty && nothing.totals.closedMines == 0 && nothing.totals.remainingCapacityTpa == 975_000)
    }

    @Test func recordedClosuresComeFirstInTheirYear() throws {
        // A step closing C06 in 2016, the year the register closes it: the replay came first.
        let same = ScenarioFixtures.problems("steps:\n  - year: 2016\n    actions: [{close: [C06]}]\n")
        #expect(same.first?.message.hasPrefix("mine C06 is already closed in 2016 (closed in 2016 by recorded)") == true)
        // A step closing C08 in 2015, before its recorded 2016 closure: it stays closed from 2015.
        let earlier = try ScenarioFixtures.run("steps:\n  - year: 2015\n    actions: [{close: [C08]}]\n")
        #expect(earlier.mine("C08")?.closedYear == 2015 && earlier.mine("C08")?.closedBy == "close")
        #expect(earlier.totals.closedMines == 4)
        #expect(earlier.notes.contains { $0.hasPrefix("C08: recorded closed in 2016, already closed by close in 2015") })
    }

    @Test func stepsMustBeInYearOrder() {
        let actions = "    actions: [{closeUnder: 0}]\n"
        let disorder = ScenarioFixtures.problems("steps:\n  - year: 2019\n\(actions)  - year: 2018\n\(actions)")
        #expect(disorder.map(\.description) == ["test.yaml:6:5: steps[1].year: steps must be in year order: 2018 comes after 2019"])
        let twice = ScenarioFixtures.problems("steps:\n  - year: 2019\n\(actions)  - year: 2019\n\(actions)")
        #expect(twice.first?.message.hasPrefix("a second step in 2019: put all the actions of a year in one step") == true)
        let typo = ScenarioFixtures.problems("steps:\n  - year: 219\n\(actions)")
        #expect(typo.first?.message == "expected a year such as 2017, found 219")
    }

    @Test func flagsBecomeAStepAfterTheLastChange() throws {
        let register = try ScenarioFixtures.register()
        var scenario = CoalScenario.recorded
        let year = try #require(ScenarioEngine.yearAfter(scenario, register: register))
        #expect(year == 2017)
        let line = CapacityLine(.commandLine(150_000, flag: "--close-at-or-below"), .included)
        scenario.add([ScenarioAction(.closeCapacity(line), at: SourceLocation(file: "command line", path: "--close-at-or-below"))],
                     inYear: .commandLine(year, flag: "--year"))
        let result = try ScenarioEngine(register: register).run(scenario)
        #expect(result.byYear.map(\.year) == [2014, 2015, 2016, 2017])
        #expect(result.byYear.last?.events.map(\.mine) == ["C02", "C03"])
        // A year that already has a step takes the new actions after its own.
        var planned = try ScenarioLoader.load(path: ScenarioFixtures.readyScenarios + "/rule-300kt.yaml")
        planned.add([ScenarioAction(.close([.commandLine("C07", flag: "--close")]), at: SourceLocation(file: "command line", path: "--close"))],
                    inYear: .commandLine(2019, flag: "--year"))
        #expect(planned.steps.map(\.year.value) == [2018, 2019, 2020])
        #expect(planned.steps[1].actions.map(\.rule.key) == ["closeUnder", "close"])
        #expect(ScenarioEngine.yearAfter(try ScenarioFixtures.scenario("start: baseline\n"), register: register) == nil)
    }

    @Test func commandLineProblemsNameTheFlag() throws {
        var scenario = CoalScenario.recorded
        scenario.add([ScenarioAction(.close([.commandLine("C99", flag: "--close")]), at: SourceLocation(file: "command line", path: "--close"))],
                     inYear: .commandLine(2017, flag: "--year"))
        do {
            _ = try ScenarioEngine(register: ScenarioFixtures.register()).run(scenario)
            Issue.record("an unknown id on the command line was accepted")
        } catch let MineRiskError.invalidInput(problems, _) {
            #expect(problems.map(\.description) == ["command line: --close: unknown mine id \"C99\": not in the register \(ScenarioFixtures.dataDirectory)/coal_mines.csv"])
        }
    }

    @Test func encodesWhatExportersNeed() throws {
        let result = try ScenarioEngine(register: ScenarioFixtures.register()).run(.recorded)
        let json = try #require(try JSONSerialization.jsonObject(with: encodeJSON(result)) as? [String: Any])
        for key in ["baselineMines", "closedMines", "remainingMines", "closureRatio", "baselineCapacityTpa", "closedCapacityTpa",
                    "remainingCapacityTpa", "capacityReductionRatio", "byCounty", "byYear", "mines", "scenario", "register", "notes"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["closureRatio"] as? Double == 0.5)
        let mines = try #require(json["mines"] as? [[String: Any]])
        #expect(mines.count == 8)
        for key in ["id", "status", "capacityTpa", "reason", "closedYear", "closedBy", "closedByKey", "county", "name"] {
            #expect(mines.allSatisfy { $0.keys.contains(key) }, "mines lack \(key)")
        }
        let years = try #require(json["byYear"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2014, 2015, 2016])
        #expect((years.last?["byCounty"] as? [[String: Any]])?.count == 3)
        #expect((years.last?["events"] as? [[String: Any]])?.count == 2)
    }
}
