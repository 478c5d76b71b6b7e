import Testing
@testable import MineRisk

@Suite struct GradeBandsTests {
    let bands = GradeBands([
        GradeBand(grade: .low, from: 0, to: 25), GradeBand(grade: .general, from: 25, to: 50),
        GradeBand(grade: .significant, from: 50, to: 75), GradeBand(grade: .major, from: 75, to: 100),
    ])

    /// An edge belongs to the band above it; the top edge closes the last band.
    @Test(arguments: [(0.0, RiskGrade.low), (24.999, .low), (25, .general), (49.99, .general), (50, .significant),
                      (74.99, .significant), (75, .major), (100, .major)])
    func edges(score: Double, grade: RiskGrade) {
        #expect(bands.grade(of: score) == grade)
    }

    @Test func problems() {
        #expect(GradeBands.problems(bands.bands, covering: 0...100).isEmpty)
        var gap = bands.bands
        gap[1].from = 26
        #expect(GradeBands.problems(gap, covering: 0...100).contains { $0.contains("gap") })
        var overlap = bands.bands
        overlap[2].from = 45
        #expect(GradeBands.problems(overlap, covering: 0...100).contains { $0.contains("overlaps") })
        var order = bands.bands
        order.swapAt(0, 1)
        #expect(!GradeBands.problems(order, covering: 0...100).isEmpty)
        #expect(GradeBands.problems(bands.bands, covering: 0...120).contains { $0.contains("cover") })
    }
}
