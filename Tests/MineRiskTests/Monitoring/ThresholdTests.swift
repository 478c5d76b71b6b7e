import Testing
@testable import MineRisk

@Suite struct ThresholdTests {
    func fixed(_ rule: ThresholdRule) -> FixedThresholds? {
        if case let .fixed(values) = rule.method { return values }
        return nil
    }

    /// GB 51108-2015 §8.3 with GB 50863-2013 minima (upstream: freeboard 1.5/1.0/0.7/0.5/0.4 m, beach
    /// 150/100/70/50/40 m; downstream beach 100/70/50/35/25 m) [values unverified], at their edges.
    @Test func freeboardAndBeachDefaults_gb51108_8_3() throws {
        let freeboard = try #require(fixed(ThresholdDefaults.rule(for: .freeboard, pondClass: 3, damType: .upstream)))
        #expect(freeboard.value(of: .red) == 0.7)
        #expect(freeboard.level(of: 0.7) == .red)      // at the minimum: red (≤)
        #expect(freeboard.level(of: 0.71) == .none)
        #expect(fixed(ThresholdDefaults.rule(for: .freeboard, pondClass: 1, damType: .upstream))?.value(of: .red) == 1.5)
        #expect(fixed(ThresholdDefaults.rule(for: .freeboard, pondClass: 5, damType: .upstream))?.value(of: .red) == 0.4)
        #expect(fixed(ThresholdDefaults.rule(for: .beachLength, pondClass: 2, damType: .upstream))?.value(of: .red) == 100)
        #expect(fixed(ThresholdDefaults.rule(for: .beachLength, pondClass: 2, damType: .downstream))?.value(of: .red) == 70)
        #expect(fixed(ThresholdDefaults.rule(for: .beachLength, pondClass: 4, damType: .centerline))?.value(of: .red) == 35)
        #expect(ThresholdDefaults.rule(for: .freeboard, pondClass: 3, damType: .upstream).source.contains("GB 51108-2015 §8.3"))
    }

    /// GB 51108-2015 §8.3: phreatic red = control depth, orange = 1.1 × red; landslide orange = 0.8 × red.
    @Test func phreaticAndLandslide_gb51108_8_3() throws {
        let phreatic = try #require(fixed(ThresholdDefaults.rule(for: .phreaticDepth, pondClass: 3, damType: .upstream)))
        #expect(phreatic.value(of: .red) == 6)
        expectClose(phreatic.value(of: .orange)!, 6.6, tolerance: 1e-12)
        #expect(phreatic.level(of: 6.0) == .red)
        #expect(phreatic.level(of: 6.01) == .orange)
        #expect(phreatic.level(of: 6.6) == .orange)
        #expect(phreatic.level(of: 6.61) == .none)
        #expect(fixed(ThresholdDefaults.rule(for: .phreaticDepth, pondClass: 4, damType: .upstream))?.value(of: .red) == 4)
        let landslide = try ThresholdLoader.parse(MonitoringFixture.thresholdsHeader + """
        ponds:
          - facility: TP1
            items:
              landslide_displacement: {red: 100}
              phreatic_depth: {red: 5}
        """, file: "t.yaml")
        let items = landslide.ponds[0].items
        #expect(fixed(items[.landslideDisplacement]!)?.value(of: .orange) == 80)
        expectClose(fixed(items[.phreaticDepth]!)!.value(of: .orange)!, 5.5, tolerance: 1e-12)
        #expect(fixed(items[.phreaticDepth]!)?.worse == .lower)
        // No default for items the design unit sets.
        if case .unset = ThresholdDefaults.rule(for: .waterLevel, pondClass: 3, damType: .upstream).method {} else { Issue.record("water level has a default") }
    }

    /// Rainstorm signals (CMA Order 16, 2007): blue ≥ 50 mm/12 h, yellow ≥ 50 mm/6 h, orange ≥ 50 mm/3 h, red ≥ 100 mm/3 h.
    @Test func rainstormSignals_cma2007() {
        let signals = RainstormSignals.cma2007
        #expect(signals.windows == [3, 6, 12])
        #expect(signals.level(sums: [10, 20, 49.9]) == .none)
        #expect(signals.level(sums: [10, 20, 50]) == .blue)
        #expect(signals.level(sums: [10, 50, 50]) == .yellow)
        #expect(signals.level(sums: [50, 50, 50]) == .orange)
        #expect(signals.level(sums: [99.9, 99.9, 99.9]) == .orange)
        #expect(signals.level(sums: [100, 100, 100]) == .red)
    }

    @Test func contradictionRefusedWithItsPath() {
        let yaml = MonitoringFixture.thresholdsHeader + """
        ponds:
          - facility: TP1
            items:
              phreatic_depth: {worse: lower, blue: 8.0, yellow: 7.2, orange: 7.5, red: 6.0}
        """
        #expect {
            try ThresholdLoader.parse(yaml, file: "t.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("t.yaml:6:") && text.contains("ponds[0].items.phreatic_depth.orange") && text.contains("looser than yellow")
        }
    }

    @Test func unknownKeysAndItemsRefused() {
        for (yaml, expected) in [
            ("ponds:\n  - facility: TP1\n    items:\n      phreatic: {red: 6}\n", "unknown item \"phreatic\""),
            ("ponds:\n  - facility: TP1\n    items:\n      phreatic_depth: {rde: 6}\n", "did you mean \"red\""),
            ("persistence: 0\nponds: []\n", "expected at least 1"),
            ("ponds:\n  - facility: TP1\n    valid: {from: 2017-13-01}\n", "ponds[0].valid.from"),
        ] {
            let text = "format: {kind: monitoring-thresholds, version: 1}\n" + yaml
            #expect(throws: (any Error).self) { try ThresholdLoader.parse(text, file: "t.yaml") }
            do { _ = try ThresholdLoader.parse(text, file: "t.yaml") } catch { #expect("\(error)".contains(expected), "\(error)") }
        }
    }

    /// Thresholds are per season: the entry whose range holds the day; otherwise the defaults.
    @Test func seasonsAndPointOverrides() throws {
        let set = try ThresholdLoader.parse(MonitoringFixture.thresholdsHeader + """
        ponds:
          - facility: TP1
            valid: {from: 2017-06-01, to: 2017-09-30}
            items:
              freeboard: {red: 1.2}
            points:
              P1: {blue: 20, yellow: 35, orange: 50, red: 70}
        """, file: "t.yaml", points: ["P1": .seepageFlow])
        let p1 = MonitoringPoint(id: "P1", facilityID: "TP1", item: .seepageFlow, unit: "L/s", location: "", installedOn: "", intervalMinutes: 10)
        let f1 = MonitoringPoint(id: "F1", facilityID: "TP1", item: .freeboard, unit: "m", location: "", installedOn: "", intervalMinutes: 10)
        #expect(fixed(set.rule(for: p1, pondClass: 3, on: "2017-07-01"))?.value(of: .orange) == 50)
        #expect(fixed(set.rule(for: f1, pondClass: 3, on: "2017-07-01"))?.value(of: .red) == 1.2)
        #expect(fixed(set.rule(for: f1, pondClass: 3, on: "2017-10-01"))?.value(of: .red) == 0.7)
        #expect(throws: (any Error).self) {
            try ThresholdLoader.parse(MonitoringFixture.thresholdsHeader + "ponds:\n  - facility: TP1\n    points:\n      NOPE: {red: 1}\n", file: "t.yaml", points: [:])
        }
    }

    @Test func monitoringDutyByEra() {
        // Before 2021-09-01: classes 1–3 (SAWS Order 38, GB 51108-2015); from then every pond (GB 39496-2020 §5.5.1).
        #expect(MonitoringDuty.onlineMonitoringRequired(pondClass: 3, on: "2017-07-01"))
        #expect(!MonitoringDuty.onlineMonitoringRequired(pondClass: 4, on: "2021-08-31"))
        #expect(MonitoringDuty.onlineMonitoringRequired(pondClass: 5, on: "2021-09-01"))
        #expect(MonitoringDuty.onlineMonitoringRequired(pondClass: 4, on: "2022-01-01T00:00:00+08:00"))
    }
}
