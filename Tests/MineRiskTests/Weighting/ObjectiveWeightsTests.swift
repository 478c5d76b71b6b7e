import Testing
@testable import MineRisk

/// Peers' values for `Fixtures/decision-5x4.csv` (see Fixtures/README.md for versions and variants).
@Suite struct ObjectiveWeightsTests {
    let x = Matrix([[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]])
    let types: [CriterionType] = [.cost, .benefit, .benefit, .benefit]

    /// Entropy, sum normalisation on raw values: pymcdm `entropy_weights` = skcriteria `EntropyWeighter`. Tolerance 1e-8.
    @Test func entropySum_pymcdmAndSkcriteria() throws {
        let w = try objectiveWeights(x, types: types, method: .entropy, normalization: .sum)
        expectClose(w, [0.06391538, 0.37883128, 0.28792061, 0.26933272], tolerance: 1e-8)
    }

    /// Entropy after min-max standardisation by type (the variant of Chinese papers); numpy. Tolerance 1e-8.
    @Test func entropyMinMax_numpy() throws {
        let w = try objectiveWeights(x, types: types, method: .entropy, normalization: .minmax)
        expectClose(w, [0.15777543, 0.43863872, 0.26545391, 0.13813194], tolerance: 1e-8)
    }

    /// CRITIC (Diakoulaki 1995) with every criterion a benefit: pymcdm `critic_weights` (which ignores types). Tolerance 1e-8.
    @Test func critic_pymcdm() throws {
        let w = try objectiveWeights(x, types: [CriterionType](repeating: .benefit, count: 4), method: .critic)
        expectClose(w, [0.13018016, 0.25902748, 0.37847563, 0.23231673], tolerance: 1e-8)
    }

    /// Standard deviation of min-max normalised columns; numpy. Tolerance 1e-8.
    @Test func stddevMinMax_numpy() throws {
        let w = try objectiveWeights(x, types: types, method: .stddev)
        expectClose(w, [0.21682417, 0.30044038, 0.27426329, 0.20847217], tolerance: 1e-8)
    }

    /// 0·ln 0 = 0: a column with zeros still has a finite entropy; a constant column gets weight 0.
    @Test func entropyWithZerosAndConstants() throws {
        let m = Matrix([[0, 1, 5], [3, 1, 0], [1, 1, 2]])
        let w = try objectiveWeights(m, types: [.benefit, .benefit, .benefit], method: .entropy, normalization: .sum)
        #expect(w.allSatisfy { $0.isFinite })
        #expect(w[1] == 0)
        expectClose(w.reduce(0, +), 1, tolerance: 1e-12)
    }

    @Test func refusesDataWithoutInformation() {
        let constant = Matrix([[1, 2], [1, 2], [1, 2]])
        #expect(throws: MineRiskError.self) { try objectiveWeights(constant, types: [.benefit, .cost], method: .entropy) }
        #expect(throws: MineRiskError.self) { try objectiveWeights(Matrix([[-1, 2], [1, 2]]), types: [.benefit, .cost], method: .entropy, normalization: .sum) }
    }

    @Test func combinations() {
        let s = [0.5, 0.3, 0.2], o = [0.2, 0.2, 0.6]
        expectClose(combineWeights(subjective: s, objective: o, by: .linear(alpha: 0.5)), [0.35, 0.25, 0.4], tolerance: 1e-12)
        expectClose(combineWeights(subjective: s, objective: o, by: .multiplicative), [0.1 / 0.28, 0.06 / 0.28, 0.12 / 0.28], tolerance: 1e-12)
    }
}
