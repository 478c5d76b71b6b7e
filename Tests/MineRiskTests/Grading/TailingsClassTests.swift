import Testing
@testable import MineRisk

/// AQ 2006-2005 Table 1 at its edges, and GB 50863-2013 §3.3.1's mixing rule with DOMAIN §5's examples.
@Suite struct TailingsClassTests {
    @Test(arguments: [(99.99, 5), (100, 4), (999.99, 4), (1000, 3), (9999.99, 3), (10000, 2)])
    func storageEdges(volume: Double, expected: Int) {
        #expect(TailingsClassification.classByStorage(volume) == expected)
    }

    @Test(arguments: [(29.99, 5), (30, 4), (59.99, 4), (60, 3), (99.99, 3), (100, 2)])
    func heightEdges(height: Double, expected: Int) {
        #expect(TailingsClassification.classByHeight(height) == expected)
    }

    /// V 1500 (class 3) with H 25 m (class 5) → class 4; V 800 (class 4) with H 65 m (class 3) → class 3.
    @Test func mixingRuleExamples() {
        #expect(TailingsClassification.pondClass(storage: 1500, damHeight: 25) == 4)
        #expect(TailingsClassification.pondClass(storage: 800, damHeight: 65) == 3)
        #expect(TailingsClassification.pondClass(storage: 50, damHeight: 20) == 5)
        #expect(TailingsClassification.pondClass(storage: 20000, damHeight: 20) == 3) // 2 and 5: higher lowered by one
        #expect(TailingsClassification.pondClass(storage: 20000, damHeight: 120) == 2)
    }

    /// 2011 regime (SAWS Order 38; GB 51108-2015): classes 1–3 until GB 39496-2020 §5.5.1 takes every pond
    /// from 2021-09-01; the boundary day belongs to the new rule.
    @Test func monitoringDutyChangesOnTheDayGB39496TakesForce() {
        let before = MonitoringDuty.inForce(on: "2021-08-31"), on = MonitoringDuty.inForce(on: "2021-09-01")
        #expect(before.requires(pondClass: 3))
        #expect(!before.requires(pondClass: 4))
        #expect(!before.requires(pondClass: 5))
        #expect(on.requires(pondClass: 5))
        #expect(on.requires(pondClass: 4))
        #expect(on.source.contains("GB 39496-2020") && on.source.contains("§5.5.1"))
    }

    @Test func safetyDegree() {
        var pond = PondData(storageVolume: 500, damHeight: 40, onlineMonitoring: false)
        #expect(SafetyDegree.assess(pond, pondClass: 4) == nil)
        pond.slopeSafetyFactor = 1.15
        #expect(SafetyDegree.assess(pond, pondClass: 4) == .normal)
        pond.slopeSafetyFactor = 1.14
        #expect(SafetyDegree.assess(pond, pondClass: 4) == .sick)
        pond.slopeSafetyFactor = 1.12 // < 0.98 × 1.15 = 1.127
        #expect(SafetyDegree.assess(pond, pondClass: 4) == .risky)
        pond.slopeSafetyFactor = 1.09 // < 0.95 × 1.15 = 1.0925
        #expect(SafetyDegree.assess(pond, pondClass: 4) == .dangerous)
        pond.slopeSafetyFactor = 1.3
        pond.freeboardOK = false
        pond.beachLengthOK = false
        #expect(SafetyDegree.assess(pond, pondClass: 4) == .risky)
        pond.floodDischarge = .collapsed
        #expect(SafetyDegree.assess(pond, pondClass: 4) == .dangerous)
    }
}

extension PondData {
    init(storageVolume: Double, damHeight: Double, onlineMonitoring: Bool) {
        self.init(storageVolume: storageVolume, damHeight: damHeight, onlineMonitoring: onlineMonitoring,
                  slopeSafetyFactor: nil, requiredSafetyFactor: nil, freeboardOK: nil, beachLengthOK: nil, floodDischarge: nil)
    }
}
