import Foundation
import Testing
@testable import MineRisk

@Suite struct WarningEngineTests {
    let fb = "F1,TP1,freeboard,m,crest,2016-01-01,10"

    /// A level holds only after `persistence` (2) consecutive readings reach it.
    @Test func persistence() throws {
        // Class 3: freeboard red at 0.7 m. One reading at 0.6 alone does not hold; two do.
        let single = try MonitoringFixture(points: [fb], readings: MonitoringFixture.series("F1", [2, 0.6, 2, 2])).report()
        #expect(single.point("F1")?.level == MineRisk.WarningLevel.none)
        #expect(single.warnings.isEmpty)
        let double = try MonitoringFixture(points: [fb], readings: MonitoringFixture.series("F1", [2, 0.6, 0.6, 2, 2])).report()
        #expect(double.warnings.count == 1)
        let span = try #require(double.warnings.first)
        #expect(span.level == .red && span.start == "2017-07-01T00:20:00+08:00" && span.end == "2017-07-01T00:30:00+08:00")
        #expect(span.peakValue == 0.6 && span.peakThreshold == 0.7)
        let open = try MonitoringFixture(points: [fb], readings: MonitoringFixture.series("F1", [2, 0.6, 0.6])).report()
        #expect(open.pond("TP1")?.level == .red)
        #expect(open.point("F1")?.threshold == 0.7)
        #expect(open.warnings.first?.end == nil)
    }

    /// Four blue points make the item yellow (GB 39496-2020 §5.5.4), and the pond's level and log follow.
    @Test func itemAndPondLevelsFromPoints() throws {
        let points = (1...4).map { "S\($0),TP1,seepage_flow,L/s,toe,2016-01-01,10" }
        let thresholds = "ponds:\n  - facility: TP1\n    items:\n      seepage_flow: {blue: 5, yellow: 8, orange: 10, red: 12}\n"
        var readings: [String] = []
        for i in 1...4 { readings += MonitoringFixture.series("S\(i)", [1, 6, 6]) }
        let report = try MonitoringFixture(points: points, thresholds: thresholds, readings: readings).report()
        let item = try #require(report.pond("TP1")?.items.first)
        #expect(item.points.allSatisfy { $0.level == .blue })
        #expect(item.level == .yellow)
        #expect(report.pond("TP1")?.level == .yellow)
        #expect(report.warnings.map(\.level) == [.yellow])
        #expect(report.timeline.level(of: "TP1", at: "2017-07-01T00:20:00+08:00") == .yellow)
        #expect(report.timeline.level(of: "TP1", at: "2017-07-01T00:10:00+08:00") == MineRisk.WarningLevel.none)
        #expect(report.summary.byLevel["yellow"] == 1)
    }

    /// 50 mm in 3 h is orange, 100 mm in 3 h red, 50 mm over 12 h blue (CMA Order 16, 2007).
    @Test func rainstormSignalsOnReadings() throws {
        let rain = "R1,TP1,rainfall,mm,gauge,2016-01-01,60"
        // 25 mm an hour for two hours: 50 mm within 3 h → orange.
        let orange = try MonitoringFixture(points: [rain], readings: MonitoringFixture.series("R1", [0, 25, 25, 0], minutes: 60)).report()
        #expect(orange.warnings.first?.level == .orange)
        #expect(orange.warnings.first?.peakValue == 50)
        let red = try MonitoringFixture(points: [rain], readings: MonitoringFixture.series("R1", [0, 50, 50, 1], minutes: 60)).report()
        #expect(red.warnings.first?.level == .red)
        // 5 mm an hour for 11 hours: 50 mm within 12 h on two readings running, only 30 in 6 h → blue.
        let blue = try MonitoringFixture(points: [rain], readings: MonitoringFixture.series("R1", [0] + Array(repeating: 5, count: 11), minutes: 60)).report()
        #expect(blue.warnings.map(\.level) == [.blue])
        #expect(blue.point("R1")?.basis == "rain 12 h")
        // 49.9 mm over 12 h: nothing.
        let none = try MonitoringFixture(points: [rain], readings: MonitoringFixture.series("R1", [0, 24.9, 25, 0], minutes: 300)).report()
        #expect(none.warnings.isEmpty)
    }

    /// The tangent angle: with v = 1 mm/day, a displacement rate of k mm/day gives α = arctan k;
    /// 0.5 → 26.6° none, 3 → 71.6° yellow, 8 → 82.9° orange, 20 → 87.1° red.
    @Test func tangentAngleLevels() throws {
        let thresholds = "ponds:\n  - facility: TP1\n    items:\n      dam_displacement_h: {method: tangent-angle, velocity: 1.0}\n"
        for (rate, expected, angle) in [(0.5, MineRisk.WarningLevel.none, 26.565), (3, .yellow, 71.565), (8, .orange, 82.875), (20, .red, 87.138)] {
            let values = (0..<60).map { Double($0) * rate / 144 }
            let report = try MonitoringFixture(points: ["D1,TP1,dam_displacement_h,mm,crest,2016-01-01,10"], thresholds: thresholds,
                                               readings: MonitoringFixture.series("D1", values)).report()
            let point = try #require(report.point("D1"))
            #expect(point.level == expected, "rate \(rate)")
            expectClose(point.value!, angle, tolerance: 0.01)
        }
    }

    /// Offline: silent for more than 3 × its interval; stuck: one value for a day. A class 3 pond with no working
    /// point is a finding (it must be monitored in 2017).
    @Test func sensorHealth() throws {
        let points = ["F1,TP1,freeboard,m,crest,2016-01-01,10", "F2,TP1,freeboard,m,crest,2016-01-01,10"]
        var readings = MonitoringFixture.series("F1", Array(repeating: 2.0, count: 146))          // 2.0 for 24 h 10 min
        readings += MonitoringFixture.series("F2", (0..<140).map { 2 + Double($0 % 3) / 100 })   // stops 40 min early
        let report = try MonitoringFixture(points: points, readings: readings).report()
        #expect(report.point("F1")?.status == "stuck")
        #expect(report.point("F2")?.status == "offline")
        let findings = try #require(report.pond("TP1")?.findings)
        #expect(findings.first?.hasPrefix("no working monitoring point") == true)
        #expect(findings.contains { $0.contains("F2 (freeboard) offline") })
        // TP3, class 3 without points, is listed with its finding; TP2, class 5, is not required in 2017.
        #expect(report.pond("TP3")?.findings.first?.hasPrefix("no online monitoring") == true)
        #expect(report.pond("TP2") == nil)
        // 30 min of silence (exactly 3 intervals) is not yet offline.
        let late = try MonitoringFixture(points: [points[1]], readings: MonitoringFixture.series("F2", [2, 2.01, 2.02])).report(at: "2017-07-01T00:50:00+08:00")
        #expect(late.point("F2")?.status == "ok")
        let later = try MonitoringFixture(points: [points[1]], readings: MonitoringFixture.series("F2", [2, 2.01, 2.02])).report(at: "2017-07-01T00:50:01+08:00")
        #expect(later.point("F2")?.status == "offline")
    }

    /// A rain gauge reading 0 through a dry day is not stuck.
    @Test func dryRainGaugeIsNotStuck() throws {
        let report = try MonitoringFixture(points: ["R1,TP1,rainfall,mm,gauge,2016-01-01,60"],
                                           readings: MonitoringFixture.series("R1", Array(repeating: 0, count: 30), minutes: 60)).report()
        #expect(report.point("R1")?.status == "ok")
    }

    /// --at leaves out later readings; bad-quality readings are not judged.
    @Test func atTimeAndQuality() throws {
        let readings = MonitoringFixture.series("F1", [2, 0.6, 0.6, 0.6])
        let fixture = try MonitoringFixture(points: [fb], readings: readings)
        #expect(try fixture.report(at: "2017-07-01T00:10:00+08:00").point("F1")?.level == MineRisk.WarningLevel.none)
        #expect(try fixture.report(at: "2017-07-01T00:20:00+08:00").point("F1")?.level == .red)
        let bad = try MonitoringFixture(points: [fb], readings: MonitoringFixture.series("F1", [2, 2]) + MonitoringFixture.series("F1", [0.3, 0.3], start: "2017-07-01T00:20:00+08:00", quality: "bad")).report()
        #expect(bad.point("F1")?.level == MineRisk.WarningLevel.none)
    }

    /// Reading a gzip export gives the same report as the plain file.
    @Test func gzipEqualsPlain() throws {
        let points = [fb, "R1,TP1,rainfall,mm,gauge,2016-01-01,10"]
        var readings: [String] = []
        for (i, line) in MonitoringFixture.series("F1", (0..<3000).map { 1 + Double($0 % 50) / 40 }).enumerated() {
            readings.append(line)
            readings.append(MonitoringFixture.series("R1", [Double(i % 7)], start: String(line.split(separator: ",")[1]))[0])
        }
        let plain = try MonitoringFixture(points: points, readings: readings).report()
        let zipped = try MonitoringFixture(points: points, readings: readings, gzip: true)
        #expect(MonitoringData.readingsFile(in: zipped.folder.appendingPathComponent("monitoring").path)?.hasSuffix(".gz") == true)
        let gz = try zipped.report()
        #expect(try encodeJSON(WarningSpans(plain.warnings)) == encodeJSON(WarningSpans(gz.warnings)))
        #expect(plain.provenance.readings == 6000 && gz.provenance.readings == 6000)
        #expect(plain.csv() == gz.csv())
    }
}

/// The warning log alone, for comparing two reports.
private struct WarningSpans: Encodable {
    let spans: [WarningSpan]
    init(_ spans: [WarningSpan]) { self.spans = spans }
}
