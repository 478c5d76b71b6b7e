import Foundation
import Testing
@testable import MineRisk

/// The report's warnings section: the ponds at orange or red drawn from their readings, reduced to a fixed number of
/// buckets however many readings there are.
@Suite struct WarningsSectionTests {
    /// TP1 (class 3) with a rain gauge through 126 mm in 3 h (red) and a phreatic sensor dropping to 5.5 m (red at
    /// ≤ 6.0) and staying there, `count` readings each at 10 minutes; TP2's gauge stays dry.
    static func fixture(count: Int) throws -> MonitoringFixture {
        let storm = 200
        let rain = (0..<count).map { i in (storm..<storm + 18).contains(i) ? 7.0 : 0 }
        // The phreatic line stays up from the storm on (moving a little, so not stuck): its red warning is still open.
        let depth = (0..<count).map { i in (i >= storm + 10 ? 5.5 : 9.0) + Double(i % 7) / 100 }
        return try MonitoringFixture(
            points: ["PH1,TP1,phreatic_depth,m,section,2016-01-01,10", "R1,TP1,rainfall,mm,gauge,2016-01-01,10", "R2,TP2,rainfall,mm,gauge,2016-01-01,10"],
            thresholds: """
                ponds:
                  - facility: TP1
                    valid: {from: 2017-06-01, to: 2017-09-30}
                    items:
                      phreatic_depth: {worse: lower, blue: 8.0, yellow: 7.2, orange: 6.6, red: 6.0}

                """,
            readings: MonitoringFixture.series("R1", rain) + MonitoringFixture.series("PH1", depth) + MonitoringFixture.series("R2", Array(repeating: 0, count: count)))
    }

    static func section(count: Int) throws -> (WarningsSection, MonitoringFixture) {
        let fixture = try fixture(count: count)
        let data = try fixture.data()
        let report = try WarningEngine(data: data).run()
        return (WarningsSection(report: report, series: try SeriesSampler(data: data, report: report).sample()), fixture)
    }

    @Test func drawsTheRedPondWithThresholdsSpansAndRain() throws {
        let (section, _) = try Self.section(count: 600)
        #expect(section.series.map(\.pond.id) == ["TP1"])
        let tp1 = try #require(section.series.first)
        #expect(tp1.peak == .red)
        #expect(tp1.items.map(\.item) == [.rainfall, .phreaticDepth])   // the rain first, then by the worst warning
        let phreatic = tp1.items[1]
        #expect(phreatic.thresholds?.value(of: .red) == 6.0 && !phreatic.spans.isEmpty)
        // The spike survives the reduction: the bucket minimum is the lowest reading.
        #expect(phreatic.points[0].minimum.compactMap { $0 }.min() == 5.5)
        let rain = try #require(tp1.items.first?.points.first)
        #expect(abs(rain.rainSum.reduce(0, +) - 126) < 1e-9)
        #expect(rain.rain3h.compactMap { $0 }.max() == 126)

        var document = HTMLReport(report: try ExportFixtures.report(), models: try ExportFixtures.models())
        document.warnings = section
        let html = document.render()
        #expect(html.contains("尾矿库在线监测预警"))
        #expect(html.contains("TP1 一号库"))
        #expect(html.contains("minimum and maximum of each"))
        #expect(html.contains("stroke-dasharray"))                  // threshold and signal lines
        #expect(html.contains("fill=\"#\(RiskGrade.major.rgb)\" fill-opacity=\"0.22\""))   // a red warning span shaded
        #expect(html.contains("红色 100 mm/3 h"))                  // the red rainstorm signal's line label
    }

    /// Ten times the readings give the same number of buckets: memory follows the chart, not the data.
    @Test func bucketsDoNotGrowWithReadings() throws {
        let (small, _) = try Self.section(count: 600)
        let (large, _) = try Self.section(count: 6_000)
        let a = try #require(small.series.first), b = try #require(large.series.first)
        #expect(b.items[0].points[0].readings > a.items[0].points[0].readings)
        #expect(a.items[0].points[0].minimum.count <= 360 && b.items[0].points[0].minimum.count <= 360)
        #expect(a.buckets <= 360 && b.buckets <= 360 && b.rainBuckets <= 96)
    }

    /// Without a pond at orange or red, the section says so and draws nothing.
    @Test func quietRoundsSaySo() throws {
        let fixture = try MonitoringFixture(points: ["R1,TP1,rainfall,mm,gauge,2016-01-01,10"], readings: MonitoringFixture.series("R1", [0, 0, 0]))
        let data = try fixture.data()
        let report = try WarningEngine(data: data).run()
        var document = HTMLReport(report: try ExportFixtures.report(), models: try ExportFixtures.models())
        document.warnings = WarningsSection(report: report, series: try SeriesSampler(data: data, report: report).sample())
        let html = document.render()
        #expect(html.contains("No pond reached orange or red in the period."))
    }
}
