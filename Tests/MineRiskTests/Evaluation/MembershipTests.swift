import Testing
@testable import MineRisk

@Suite struct MembershipTests {
    /// Edges 50/100/150 put the peaks at 25, 75, 125 and 175.
    @Test func riskIndicatorPeaksAndInterpolation() {
        #expect(membership(of: 10, edges: [50, 100, 150], direction: .risk) == [1, 0, 0, 0])
        #expect(membership(of: 25, edges: [50, 100, 150], direction: .risk) == [1, 0, 0, 0])
        expectClose(membership(of: 50, edges: [50, 100, 150], direction: .risk), [0.5, 0.5, 0, 0], tolerance: 1e-12)
        expectClose(membership(of: 100, edges: [50, 100, 150], direction: .risk), [0, 0.5, 0.5, 0], tolerance: 1e-12)
        #expect(membership(of: 175, edges: [50, 100, 150], direction: .risk) == [0, 0, 0, 1])
        #expect(membership(of: 1e6, edges: [50, 100, 150], direction: .risk) == [0, 0, 0, 1])
    }

    /// A safety score (higher is safer) with edges 85/70/55: 92.5 is wholly low risk, 47.5 wholly major.
    @Test func safetyIndicator() {
        #expect(membership(of: 95, edges: [85, 70, 55], direction: .safety) == [1, 0, 0, 0])
        expectClose(membership(of: 77.5, edges: [85, 70, 55], direction: .safety), [0, 1, 0, 0], tolerance: 1e-12)
        expectClose(membership(of: 70, edges: [85, 70, 55], direction: .safety), [0, 0.5, 0.5, 0], tolerance: 1e-12)
        #expect(membership(of: 40, edges: [85, 70, 55], direction: .safety) == [0, 0, 0, 1])
    }

    @Test func rowsSumToOne() {
        for x in stride(from: -20.0, through: 200, by: 0.7) {
            expectClose(membership(of: x, edges: [30, 60, 100], direction: .risk).reduce(0, +), 1, tolerance: 1e-12)
        }
    }
}

@Suite struct FuzzyEvaluationTests {
    let w = [0.5, 0.3, 0.2]
    let r: [Double] = [0.6, 0.4, 0, 0,   0, 0.2, 0.8, 0,   0, 0, 0.5, 0.5]

    @Test func weightedAverageIsTheMatrixProduct() {
        expectClose(fuzzyEvaluate(weights: w, memberships: r, operator: .weightedAverage), [0.3, 0.26, 0.34, 0.1], tolerance: 1e-12)
    }

    /// M(∧,∨): b = (0.5, 0.4, 0.3, 0.2) before normalisation.
    @Test func minMax() {
        expectClose(fuzzyEvaluate(weights: w, memberships: r, operator: .minMax), [0.5, 0.4, 0.3, 0.2].map { $0 / 1.4 }, tolerance: 1e-12)
    }

    /// M(·,∨): b = (0.3, 0.2, 0.24, 0.1) before normalisation.
    @Test func productMax() {
        expectClose(fuzzyEvaluate(weights: w, memberships: r, operator: .productMax), [0.3, 0.2, 0.24, 0.1].map { $0 / 0.84 }, tolerance: 1e-12)
    }

    /// M(∧,⊕): b = (0.5, 0.6, 0.5, 0.2) before normalisation (each capped at 1).
    @Test func minBoundedSum() {
        expectClose(fuzzyEvaluate(weights: w, memberships: r, operator: .minBoundedSum), [0.5, 0.6, 0.5, 0.2].map { $0 / 1.8 }, tolerance: 1e-12)
    }

    @Test func frontValidatesWeights() throws {
        #expect(throws: MineRiskError.self) { try FuzzyEvaluation(weights: [0.5, 0.6], memberships: Matrix(rows: 2, columns: 4)) }
        let evaluation = try FuzzyEvaluation(weights: w, memberships: Matrix(rows: 3, columns: 4, storage: r))
        #expect(evaluation.fuzzyOperator == .weightedAverage)
    }
}
