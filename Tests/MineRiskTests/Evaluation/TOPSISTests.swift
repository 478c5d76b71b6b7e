import Testing
@testable import MineRisk

/// pymcdm `TOPSIS` on Fixtures/decision-5x4.csv with equal weights and types cost,benefit,benefit,benefit.
@Suite struct TOPSISTests {
    let x = Matrix([[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]])
    let types: [CriterionType] = [.cost, .benefit, .benefit, .benefit]
    let w = [0.25, 0.25, 0.25, 0.25]

    /// Vector normalisation (Hwang & Yoon 1981), pymcdm with `vector_normalization`. Tolerance 1e-8.
    @Test func testTOPSIS_vector_pymcdm() throws {
        let result = try topsis(x, weights: w, types: types, normalization: .vector)
        expectClose(result.closeness, [0.53427686, 0.30836777, 0.69163223, 0.53473658, 0.40104612], tolerance: 1e-8)
        #expect(result.rank == [3, 5, 1, 2, 4])
    }

    /// Min-max normalisation, pymcdm's default. Tolerance 1e-8.
    @Test func testTOPSIS_minmax_pymcdm() throws {
        let result = try topsis(x, weights: w, types: types, normalization: .minmax)
        expectClose(result.closeness, [0.5, 0.40269975, 0.59730025, 0.48689056, 0.46535165], tolerance: 1e-8)
        #expect(result.rank == [2, 5, 1, 3, 4])
    }

    @Test func refusesMismatchedWeights() {
        #expect(throws: MineRiskError.self) { try topsis(x, weights: [1], types: types) }
    }
}
