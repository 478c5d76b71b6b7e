import Foundation
import Testing
@testable import MineRisk

/// Decoding scenario files strictly: unknown keys, wrong kinds and bad values are named with file:line:column
/// and the YAML path of the key at fault.
@Suite struct ScenarioFormatTests {
    /// The single problem a YAML text raises when decoded, as "file:line:column: path: message".
    func decodingProblem(_ yaml: String) -> String? {
        do {
            _ = try ScenarioLoader.decode(yaml, file: "s.yaml")
            return nil
        } catch let MineRiskError.invalidInput(problems, _) {
            return problems.map(\.description).joined(separator: "\n")
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test func decodesEveryRule() throws {
        let scenario = try ScenarioFixtures.scenario("""
        description: tries everything
        source: 川办发〔2016〕59号
        start: baseline
        keep: [C05]
        steps:
          - year: 2017
            note: 第一年
            actions:
              - closeBelow: 90000
              - closeGrade: significant
              - close: [C07]
                reason: 点名
              - upgrade: {mine: C02, capacityTpa: 150000}
              - merge: {mines: [C03, C02], into: C03, capacityTpa: 300000}
              - reduceBelow: {capacityTpa: 300000, share: 0.5}
        """)
        #expect(scenario.start == .baseline)
        #expect(scenario.keep.map(\.value) == ["C05"])
        #expect(scenario.keep[0].location.description == "test.yaml:6:8: keep[0]")
        let step = try #require(scenario.steps.first)
        #expect(step.year.value == 2017 && step.note == "第一年")
        #expect(step.actions.map(\.rule.key) == ScenarioRule.keys)
        #expect(step.actions[2].reason == "点名")
        #expect(scenario.needsGrades)
        guard case let .merge(mines, into, capacity) = step.actions[4].rule else { Issue.record("not a merge"); return }
        #expect(mines.map(\.value) == ["C03", "C02"] && into.value == "C03" && capacity.value == 300_000)
        #expect(into.location.description == "test.yaml:16:36: steps[0].actions[4].merge.into")
    }

    @Test func defaultsToTheRecordedStartWithNoSteps() throws {
        let scenario = try ScenarioFixtures.scenario("")
        #expect(scenario.start == .recorded && scenario.steps.isEmpty && scenario.keep.isEmpty && !scenario.needsGrades)
    }

    @Test func refusesAnUnknownKeyWithAHint() {
        let problem = decodingProblem("""
        format: {kind: coal-scenario, version: 1}
        name: {zh: 测试, en: Test}
        steps:
          - year: 2017
            actions:
              - closeBelw: 90000
        """)
        #expect(problem == "s.yaml:6:9: steps[0].actions[0].closeBelw: unknown key \"closeBelw\": did you mean \"closeBelow\"?")
    }

    @Test func refusesUnknownKeysAtEveryLevel() {
        let base = "format: {kind: coal-scenario, version: 1}\nname: {zh: 测试, en: Test}\n"
        #expect(decodingProblem(base + "colour: red\n")?.hasPrefix("s.yaml:3:1: colour: unknown key \"colour\"") == true)
        #expect(decodingProblem("format: {kind: coal-scenario, version: 1, flavour: x}\nname: {zh: a, en: b}\n")?
            .hasPrefix("s.yaml:1:43: format.flavour: unknown key \"flavour\"") == true)
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    when: now\n    actions: [{close: [C01]}]\n")?
            .hasPrefix("s.yaml:5:5: steps[0].when: unknown key \"when\"") == true)
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    actions:\n      - upgrade: {mine: C02, capacity: 150000}\n")?
            .hasPrefix("s.yaml:6:30: steps[0].actions[0].upgrade.capacity: unknown key \"capacity\": did you mean \"capacityTpa\"?") == true)
        #expect(decodingProblem("format: {kind: coal-scenario, version: 1}\nname: {zh: a, en: b, fr: c}\n")?
            .hasPrefix("s.yaml:2:22: name.fr: unknown key \"fr\"") == true)
    }

    @Test func refusesAnotherKindOrVersion() {
        #expect(decodingProblem("format: {kind: indicator-model, version: 1}\nname: {zh: a, en: b}\n")
            == "s.yaml:1:10: format.kind: expected \"coal-scenario\", found \"indicator-model\": this is not a coal scenario")
        #expect(decodingProblem("format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\n")
            == "s.yaml:1:31: format.version: this engine reads coal-scenario version 1, found 2")
        #expect(decodingProblem("name: {zh: a, en: b}\n") == "s.yaml:1:1: format: missing key \"format\"")
    }

    @Test func refusesActionsWithNoRuleOrTwo() {
        let base = "format: {kind: coal-scenario, version: 1}\nname: {zh: a, en: b}\nsteps:\n  - year: 2017\n    actions:\n"
        #expect(decodingProblem(base + "      - {closeBelow: 90000, close: [C01]}\n")
            == "s.yaml:6:9: steps[0].actions[0]: an action has exactly one rule, found closeBelow and close: write them as separate actions")
        #expect(decodingProblem(base + "      - {reason: 无}\n")?.contains("an action needs one rule: one of closeBelow, closeGrade, close, upgrade, merge, reduceBelow") == true)
        #expect(decodingProblem("format: {kind: coal-scenario, version: 1}\nname: {zh: a, en: b}\nsteps:\n  - year: 2017\n    actions: []\n")?
            .contains("steps[0].actions: a step needs at least one action") == true)
    }

    @Test func namesWhatWasExpectedAndFound() {
        let base = "format: {kind: coal-scenario, version: 1}\nname: {zh: a, en: b}\n"
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    actions:\n      - closeBelow: 9万\n")
            == "s.yaml:6:9: steps[0].actions[0].closeBelow: expected a number, found \"9万\"")
        #expect(decodingProblem(base + "steps:\n  - year: next\n    actions: [{close: [C01]}]\n")
            == "s.yaml:4:5: steps[0].year: expected a whole number, found \"next\"")
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    actions: [{close: C01}]\n")?
            .hasPrefix("s.yaml:5:16: steps[0].actions[0].close: expected a list, found \"C01\"") == true)
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    actions: [{closeGrade: general}]\n")?
            .contains("steps[0].actions[0].closeGrade: expected major or significant") == true)
        #expect(decodingProblem(base + "start: today\n") == "s.yaml:3:1: start: expected recorded or baseline, found \"today\"")
        #expect(decodingProblem(base + "steps:\n  - actions: [{close: [C01]}]\n") == "s.yaml:4:5: steps[0].year: missing key \"year\"")
    }

    @Test func refusesARepeatedKeyAndBrokenYAML() {
        let repeated = decodingProblem("format: {kind: coal-scenario, version: 1}\nname: {zh: a, en: b}\nstart: baseline\nstart: recorded\n")
        #expect(repeated == "s.yaml:3:1: a key appears twice in one mapping: start")
        #expect(decodingProblem("format: {kind: coal-scenario, version: 1\n")?.hasPrefix("s.yaml:2:1: not valid YAML: did not find expected ',' or '}'") == true)
        #expect(decodingProblem("")?.contains("the file is empty") == true)
    }

    @Test func loadsEveryReadyScenario() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: ScenarioFixtures.readyScenarios)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names == ["close-major.yaml", "halve-sub-300kt.yaml", "recorded.yaml", "rule-300kt.yaml", "sichuan-90kt.yaml"])
        for name in names {
            let scenario = try ScenarioLoader.load(path: ScenarioFixtures.readyScenarios + "/" + name)
            #expect(scenario.sha256?.count == 64, "\(name)")
            #expect(!scenario.name.zh.isEmpty && !scenario.name.en.isEmpty && scenario.source != nil, "\(name)")
        }
    }
}
