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
              - closeAtOrBelow: 90000
              - closeUnder: 300000
              - closeGrade: significant
              - close: [C07]
                reason: 点名
              - upgrade: {mine: C02, capacityTpa: 150000}
              - merge: {mines: [C03, C02], into: C03, capacityTpa: 300000}
              - reduceAtOrBelow: {capacityTpa: 300000, share: 0.5}
              - reduceUnder: {capacityTpa: 300000, share: 0.5}
        """)
        #expect(scenario.start == .baseline)
        #expect(scenario.keep.map(\.value) == ["C05"])
        #expect(scenario.keep[0].location.description == "test.yaml:6:8: keep[0]")
        let step = try #require(scenario.steps.first)
        #expect(step.year.value == 2017 && step.note == "第一年")
        #expect(step.actions.map(\.rule.key) == ScenarioRule.keys)
        #expect(step.actions[3].reason == "点名")
        #expect(step.actions.map(\.rule.label) == ["close ≤ 90,000 t/yr", "close < 300,000 t/yr", "close graded significant and above",
                                                   "close", "upgrade", "merge", "reduce ≤ 300,000 t/yr by 50%", "reduce < 300,000 t/yr by 50%"])
        #expect(scenario.needsGrades)
        guard case let .merge(mines, into, capacity) = step.actions[5].rule else { Issue.record("not a merge"); return }
        #expect(mines.map(\.value) == ["C03", "C02"] && into.value == "C03" && capacity.value == 300_000)
        #expect(into.location.description == "test.yaml:17:36: steps[0].actions[5].merge.into")
        guard case let .closeCapacity(under) = step.actions[1].rule else { Issue.record("not a capacity line"); return }
        #expect(under.boundary == .excluded && under.capacityTpa.location.description == "test.yaml:12:9: steps[0].actions[1].closeUnder")
    }

    @Test func defaultsToTheRecordedStartWithNoSteps() throws {
        let scenario = try ScenarioFixtures.scenario("")
        #expect(scenario.start == .recorded && scenario.steps.isEmpty && scenario.keep.isEmpty && !scenario.needsGrades)
    }

    @Test func refusesAnUnknownKeyWithAHint() {
        let problem = decodingProblem("""
        format: {kind: coal-scenario, version: 2}
        name: {zh: 测试, en: Test}
        steps:
          - year: 2017
            actions:
              - closeAtOrBelw: 90000
        """)
        #expect(problem == "s.yaml:6:9: steps[0].actions[0].closeAtOrBelw: unknown key \"closeAtOrBelw\": did you mean \"closeAtOrBelow\"?")
    }

    /// Version 1's closeBelow and reduceBelow did not say whether a mine exactly at the line is caught: in a
    /// version 2 file they are refused where they are written, with the keys that replace them.
    @Test func refusesTheRetiredRulesNamingTheirReplacements() {
        let base = "format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\nsteps:\n  - year: 2017\n    actions:\n"
        let close = decodingProblem(base + "      - closeBelow: 90000\n")
        #expect(close?.hasPrefix("s.yaml:6:9: steps[0].actions[0].closeBelow: closeBelow was retired in coal-scenario version 2") == true)
        #expect(close?.contains("closeAtOrBelow: N (≤, 及以下: what closeBelow did) or closeUnder: N (<, 以下(不含))") == true)
        let reduce = decodingProblem(base + "      - close: [C02]\n      - reduceBelow: {capacityTpa: 300000, share: 0.5}\n")
        #expect(reduce?.hasPrefix("s.yaml:7:9: steps[0].actions[1].reduceBelow: reduceBelow was retired") == true)
        #expect(reduce?.contains("reduceAtOrBelow") == true && reduce?.contains("reduceUnder") == true)
        // A misspelling of a retired key is pointed at the retirement, not at an unrelated key.
        let typo = decodingProblem(base + "      - closeBelw: 90000\n")
        #expect(typo?.hasPrefix("s.yaml:6:9: steps[0].actions[0].closeBelw: unknown key \"closeBelw\" (near \"closeBelow\", a key of an older version): closeBelow was retired") == true)
    }

    @Test func refusesUnknownKeysAtEveryLevel() {
        let base = "format: {kind: coal-scenario, version: 2}\nname: {zh: 测试, en: Test}\n"
        #expect(decodingProblem(base + "colour: red\n")?.hasPrefix("s.yaml:3:1: colour: unknown key \"colour\"") == true)
        #expect(decodingProblem("format: {kind: coal-scenario, version: 2, flavour: x}\nname: {zh: a, en: b}\n")?
            .hasPrefix("s.yaml:1:43: format.flavour: unknown key \"flavour\"") == true)
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    when: now\n    actions: [{close: [C01]}]\n")?
            .hasPrefix("s.yaml:5:5: steps[0].when: unknown key \"when\"") == true)
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    actions:\n      - upgrade: {mine: C02, capacity: 150000}\n")?
            .hasPrefix("s.yaml:6:30: steps[0].actions[0].upgrade.capacity: unknown key \"capacity\": did you mean \"capacityTpa\"?") == true)
        #expect(decodingProblem("format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b, fr: c}\n")?
            .hasPrefix("s.yaml:2:22: name.fr: unknown key \"fr\"") == true)
    }

    /// Every unknown key of a file is listed at once, as in a model file (the same check, `YAMLKeySchema`).
    @Test func listsEveryUnknownKey() {
        let problem = decodingProblem("format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\nkeeep: [C02]\nsteps:\n  - year: 2017\n    actions:\n      - closeUnder: 90000\n        reasn: 小\n")
        #expect(problem == "s.yaml:3:1: keeep: unknown key \"keeep\": did you mean \"keep\"?\ns.yaml:8:9: steps[0].actions[0].reasn: unknown key \"reasn\": did you mean \"reason\"?")
    }

    @Test func refusesAnotherKindOrVersion() {
        #expect(decodingProblem("format: {kind: indicator-model, version: 2}\nname: {zh: a, en: b}\n")
            == "s.yaml:1:10: format.kind: expected \"coal-scenario\", found \"indicator-model\": this is not a coal scenario")
        #expect(decodingProblem("format: {kind: coal-scenario, version: 3}\nname: {zh: a, en: b}\n")
            == "s.yaml:1:31: format.version: this engine reads coal-scenario version 2, found 3")
        // Version 1 is refused at its version, with what changed, before any of its keys is read.
        let old = decodingProblem("format: {kind: coal-scenario, version: 1}\nname: {zh: a, en: b}\nsteps:\n  - year: 2016\n    actions: [{closeBelow: 90000}]\n")
        #expect(old?.hasPrefix("s.yaml:1:31: format.version: coal-scenario version 1 is no longer read: version 2 says on which side of every capacity line") == true)
        #expect(old?.contains("closeBelow: N becomes closeAtOrBelow: N (≤, 及以下, what closeBelow did) or closeUnder: N (<, 以下(不含))") == true)
        #expect(old?.contains("reduceBelow becomes reduceAtOrBelow or reduceUnder") == true)
        #expect(decodingProblem("name: {zh: a, en: b}\n") == "s.yaml:1:1: format: missing key \"format\"")
    }

    @Test func refusesActionsWithNoRuleOrTwo() {
        let base = "format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\nsteps:\n  - year: 2017\n    actions:\n"
        #expect(decodingProblem(base + "      - {closeAtOrBelow: 90000, close: [C01]}\n")
            == "s.yaml:6:9: steps[0].actions[0]: an action has exactly one rule, found closeAtOrBelow and close: write them as separate actions")
        #expect(decodingProblem(base + "      - {closeAtOrBelow: 90000, closeUnder: 90000}\n")?.contains("found closeAtOrBelow and closeUnder") == true)
        #expect(decodingProblem(base + "      - {reason: 无}\n")?.contains("an action needs one rule: one of closeAtOrBelow, closeUnder, closeGrade, close, upgrade, merge, reduceAtOrBelow, reduceUnder") == true)
        #expect(decodingProblem("format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\nsteps:\n  - year: 2017\n    actions: []\n")?
            .contains("steps[0].actions: a step needs at least one action") == true)
    }

    @Test func namesWhatWasExpectedAndFound() {
        let base = "format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\n"
        #expect(decodingProblem(base + "steps:\n  - year: 2017\n    actions:\n      - closeUnder: 9万\n")
            == "s.yaml:6:9: steps[0].actions[0].closeUnder: expected a number, found \"9万\"")
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
        let repeated = decodingProblem("format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\nstart: baseline\nstart: recorded\n")
        #expect(repeated == "s.yaml:3:1: a key appears twice in one mapping: start")
        #expect(decodingProblem("format: {kind: coal-scenario, version: 2\n")?.hasPrefix("s.yaml:2:1: not valid YAML: did not find expected ',' or '}'") == true)
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
            // A line is cited with the policy that draws it, never with the report's slogan.
            #expect(scenario.source?.contains("一年打基础") == false, "\(name)")
            for rule in scenario.steps.flatMap(\.actions).map(\.rule) {
                if case let .closeCapacity(line) = rule { #expect(scenario.source?.contains(line.policyWording) == true, "\(name): \(line.policyWording)") }
                if case let .reduce(line, _) = rule { #expect(scenario.source?.contains(line.policyWording) == true, "\(name): \(line.policyWording)") }
            }
        }
    }
}
