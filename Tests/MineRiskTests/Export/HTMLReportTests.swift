import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MineRisk

/// The HTML report: self-contained, every facility in the table, charts drawn from the data, optional sections.
@Suite struct HTMLReportTests {
    private static let generated = Date(timeIntervalSince1970: 1_500_000_000)

    /// A coal comparison and simulated probabilities made up for the test (not engine output).
    static func fullReport() throws -> HTMLReport {
        let report = try ExportFixtures.report()
        var html = HTMLReport(report: report, models: try ExportFixtures.models(), generated: generated)
        html.coalCapacity = CoalCapacityComparison(
            scenario: "close mines ≤ 90 000 t/yr (test values)",
            baseline: .init(mines: 20, capacityTpa: 3_100_000), remaining: .init(mines: 9, capacityTpa: 1_440_000),
            byCounty: [.init(county: "盐源", baseline: .init(mines: 9, capacityTpa: 1_500_000), remaining: .init(mines: 5, capacityTpa: 900_000)),
                       .init(county: "甘洛", baseline: .init(mines: 6, capacityTpa: 900_000), remaining: .init(mines: 2, capacityTpa: 300_000)),
                       .init(county: "美姑", baseline: .init(mines: 5, capacityTpa: 700_000), remaining: .init(mines: 2, capacityTpa: 240_000))])
        var probabilities: [String: [Double]] = [:]
        for facility in report.facilities where facility.status == .graded {
            probabilities[facility.id] = facility.membership!
        }
        probabilities["XX-999"] = [0.25, 0.25, 0.25, 0.25]
        html.gradeProbabilities = GradeProbabilities(byFacility: probabilities, method: "test: memberships used as probabilities")
        return html
    }

    /// The inline SVG elements of a document.
    private func svgs(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }

    @Test func reportIsSelfContained() throws {
        let html = try Self.fullReport().render()
        for forbidden in ["<script", "<link", "src=", "href=", "url(", "@import", "@font-face"] {
            #expect(!html.contains(forbidden), "the report must fetch nothing: found \(forbidden)")
        }
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http:") && !withoutNamespace.contains("https:"))
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("\"Noto Sans CJK SC\"") && html.contains("\"WenQuanYi Micro Hei\"") && html.contains("sans-serif;"))
        if let path = ProcessInfo.processInfo.environment["MINERISK_REPORT_SAMPLE"] { try AtomicWriter.write(html, to: path) }
    }

    @Test func everyFacilityIsInTheTableWithItsGradeColour() throws {
        let report = try ExportFixtures.report()
        let html = HTMLReport(report: report, generated: Self.generated).render()
        let rows = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
            .components(separatedBy: "<tr>").dropFirst()
        #expect(rows.count == report.facilities.count)
        for (row, facility) in zip(rows, report.orderedFacilities) {
            #expect(row.contains(">\(facility.id)<"))
            #expect(row.contains(facility.name))
            if let grade = facility.grade {
                #expect(row.contains("background:#\(grade.rgb);color:#\(grade.ink)\">\(grade.zh)"))
            } else {
                #expect(row.contains("chip incomplete"))
                #expect(row.contains("缺项 missing \(facility.missing.count)"))
            }
        }
    }

    @Test func vetoesAreSpelledOutFromTheModels() throws {
        let html = try Self.fullReport().render()
        let models = try ExportFixtures.models()
        let report = try ExportFixtures.report()
        for facility in report.facilities {
            for veto in facility.vetoes {
                let text = try #require(models[facility.kind]?.model.vetoes.first { $0.code == veto.code }?.text.zh)
                #expect(veto.text == text)
                #expect(html.contains("一票否决 \(veto.code)</span> \(xmlEscaped(text)) <small>(\(xmlEscaped(veto.source)))</small>"))
            }
        }
    }

    @Test func chartsAreWellFormedSVG() throws {
        let full = svgs(try Self.fullReport().render())
        #expect(full.count == 5, "county, score, ponds, coal, probabilities")
        for svg in full { _ = try XMLDocument(xmlString: svg, options: []) }
        let plain = svgs(HTMLReport(report: try ExportFixtures.report(), models: try ExportFixtures.models(), generated: Self.generated).render())
        #expect(plain.count == 3, "no scenario or simulation: no coal or probability chart")
    }

    @Test func countyChartDrawsTheSummaryCounts() throws {
        let report = try ExportFixtures.report()
        let svg = ReportCharts.gradesByCounty(report.summary)
        for (county, count) in report.summary.byCounty {
            for grade in RiskGrade.allCases {
                let n = count.byGrade[grade.rawValue] ?? 0
                #expect(svg.contains("<title>\(county) · \(grade.bilingual): \(n)</title>") == (n > 0), "\(county) \(grade)")
            }
            if count.incomplete > 0 { #expect(svg.contains("<title>\(county) · 不完整 Incomplete: \(count.incomplete)</title>")) }
        }
    }

    @Test func histogramBinsHoldEveryGradedScore() throws {
        let report = try ExportFixtures.report()
        let bands = ScoreBands.of(try ExportFixtures.models())
        var total = 0
        for group in bands {
            let svg = ReportCharts.scoreHistogram(report.facilities, bands: group)
            // Each bar's tooltip is "from–to: n grade".
            for part in svg.components(separatedBy: "<title>").dropFirst() {
                let title = part.components(separatedBy: "</title>")[0]
                guard let colon = title.firstIndex(of: ":"), title.contains("–") else { continue }
                total += Int(title[title.index(colon, offsetBy: 2)...].split(separator: " ")[0])!
            }
            for edge in group.bands.dropFirst().map(\.from) { #expect(svg.contains(">\(edge.clean)</text>")) }
        }
        #expect(total == report.summary.graded)
    }

    @Test func pondChartSplitsMonitoredFromMissing() throws {
        let report = try ExportFixtures.report()
        let svg = ReportCharts.pondClasses(report.pondClassRows, duty: report.monitoringDuty)
        for row in report.pondClassRows {
            // A part with no pond draws no bar.
            let monitored = svg.contains("class \(row.pondClass): \(row.monitored) monitored")
            let missing = svg.contains("class \(row.pondClass): \(row.ponds - row.monitored) not monitored")
            #expect(monitored == (row.monitored > 0), "class \(row.pondClass) monitored \(row.monitored)")
            #expect(missing == (row.ponds > row.monitored), "class \(row.pondClass) not monitored \(row.ponds - row.monitored)")
        }
        #expect(report.pondClassRows.contains { $0.required && $0.monitored < $0.ponds }, "the fixture has a class 1–3 pond without monitoring")
    }

    @Test func optionalSectionsShowTheirValues() throws {
        let html = try Self.fullReport().render()
        #expect(html.contains("20 → 9 处, 关闭比例 closure ratio 55%"))
        #expect(html.contains("310 → 144 万吨/年"))
        #expect(html.contains("盐源 before: 150 万吨/年"))
        let probabilities = try #require(svgs(html).last)
        let report = try ExportFixtures.report()
        let graded = report.orderedFacilities.filter { $0.status == .graded }
        var cursor = probabilities.startIndex
        for facility in graded {
            let range = try #require(probabilities.range(of: ">\(facility.id) \(facility.name)</text>", range: cursor..<probabilities.endIndex),
                                     "\(facility.id) in table order")
            cursor = range.upperBound
        }
        #expect(probabilities.range(of: ">XX-999</text>", range: cursor..<probabilities.endIndex) != nil, "unknown ids come last")
    }

    @Test func textIsEscaped() throws {
        var report = try ExportFixtures.report()
        report.facilities[0].name = "<script>alert(1)</script> & Co"
        let html = HTMLReport(report: report, generated: Self.generated).render()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
    }

    @Test func ticksAreRoundSteps() {
        #expect(niceTicks(maximum: 3) == [0, 1, 2, 3])
        #expect(niceTicks(maximum: 7) == [0, 2, 4, 6, 8])
        #expect(niceTicks(maximum: 45) == [0, 10, 20, 30, 40, 50])
        #expect(niceTicks(maximum: 0) == [0, 1])
        #expect(niceTicks(maximum: 0.9, integers: false).last! >= 0.9)
    }
}
