import Foundation
import Testing
@testable import MineRisk

/// CR_total (层次总排序一致性检验, DOMAIN §3) = Σ a_j·CI_j / Σ a_j·RI_j, accepted when < 0.10.
@Suite struct HierarchyConsistencyTests {
    static let criteria = Matrix([[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]])
    static let indicatorMatrices = [
        Matrix([[1, 3, 3, 7], [1.0 / 3, 1, 1, 5], [1.0 / 3, 1, 1, 3], [1.0 / 7, 1.0 / 5, 1.0 / 3, 1]]),
        Matrix([[1, 1.0 / 3, 1.0 / 5], [3, 1, 1.0 / 4], [5, 4, 1]]),
        Matrix([[1, 2], [1.0 / 2, 1]]),
    ]

    func hierarchy(_ method: AHPMethod) throws -> (weights: [Double], consistency: ModelConsistency) {
        let top = try analyticHierarchy(Self.criteria, method: method, riTable: .chinese)
        let subs = try Self.indicatorMatrices.enumerated().map { k, m in
            MatrixConsistency(id: "c\(k + 1)", try analyticHierarchy(m, method: method, riTable: .chinese))
        }
        return (top.weights, ModelConsistency(criteria: MatrixConsistency(id: "criteria", top), criterionWeights: top.weights,
                                              indicatorMatrices: subs))
    }

    /// A three-criterion hierarchy (criteria [[1,3,5],[1/3,1,3],[1/5,1/3,1]]; a 4×4, a 3×3 and a 2×2 indicator
    /// matrix), computed independently with numpy (np.linalg.eig for the eigenvector, column-normalise and
    /// row-average for the sum-product method), chinese RI table (0.52, 0.89; 0 for n = 2). Tolerance 1e-10.
    /// eigenvector: a = .63698557/.25828499/.10472943, CI = .01902965/.04288335/0, Σa·CI = .02319774,
    /// Σa·RI = .70122536, CR_total = 0.033081716364; sum-product: CR_total = 0.033597748012.
    @Test func testCRTotal_numpySmallHierarchy() throws {
        let eigen = try hierarchy(.eigenvector).consistency
        expectClose(eigen.crTotal, 0.033081716364, tolerance: 1e-10)
        #expect(eigen.matrices.map(\.id) == ["criteria", "c1", "c2", "c3"])
        #expect(eigen.matrices.map(\.n) == [3, 4, 3, 2])
        #expect(eigen.matrices.map(\.ri) == [0.52, 0.89, 0.52, 0])
        expectClose(eigen.matrices.map(\.ci), [0.019255545279, 0.019029651825, 0.042883345629, 0], tolerance: 1e-10)
        #expect(eigen.matrices[3].cr == 0 && eigen.matrices[3].lambdaMax == 2)
        #expect(eigen.accepted)
        let sumProduct = try hierarchy(.arithmeticMean).consistency
        expectClose(sumProduct.crTotal, 0.033597748012, tolerance: 1e-10)
    }

    /// n ≤ 2 matrices enter with CI = RI = 0; a hierarchy of them only has CR_total = 0, not 0/0.
    @Test func ordersTwoAndBelowNeverDivideByZero() {
        #expect(hierarchyConsistencyRatio(criterionWeights: [0.6, 0.4], ci: [0, 0], ri: [0, 0]) == 0)
        #expect(hierarchyConsistencyRatio(criterionWeights: [], ci: [], ri: []) == 0)
        // A 2×2 beside a 3×3 adds 0 to both sums: CR_total is the 3×3's CR.
        expectClose(hierarchyConsistencyRatio(criterionWeights: [0.5, 0.5], ci: [0.026, 0], ri: [0.52, 0]), 0.05, tolerance: 1e-15)
    }

    func boundary(ci scale: (Double) -> Double) -> (ModelConsistency, [Double]) {
        let a = [0.25, 0.75]
        let subs = [MatrixConsistency(id: "tp_staff", n: 3, lambdaMax: 3 + 2 * scale(0.52), ci: scale(0.52), ri: 0.52, cr: scale(0.52) / 0.52),
                    MatrixConsistency(id: "tp_management", n: 5, lambdaMax: 5 + 4 * scale(1.12), ci: scale(1.12), ri: 1.12, cr: scale(1.12) / 1.12)]
        let top = MatrixConsistency(id: "criteria", n: 2, lambdaMax: 2, ci: 0, ri: 0, cr: 0)
        return (ModelConsistency(criteria: top, criterionWeights: a, indicatorMatrices: subs), a)
    }

    /// CI_j = 0.1·RI_j gives CR_total exactly 0.10 in binary floating point (0.097/0.97 = 0.1): refused (≥),
    /// with the model file, CR_total and the criterion with the largest a_j·CI_j (0.75·0.112) named.
    @Test func exactlyTheBoundaryRefuses() throws {
        let (consistency, a) = boundary { 0.1 * $0 }
        #expect(consistency.crTotal == 0.1)
        #expect(!consistency.accepted)
        do {
            try consistency.requireAccepted(criterionWeights: a, at: MineRisk.SourceLocation(file: "Models/x.yaml", path: "criteria"))
            Issue.record("CR_total 0.10 was accepted")
        } catch let error as MineRiskError {
            #expect(error.exitStatus == .dataError)
            #expect(error.description.hasPrefix("Models/x.yaml"))
            #expect(error.description.contains("CR_total 0.1 ≥ 0.10"))
            #expect(error.description.contains("criterion tp_management contributes most"))
        }
    }

    /// One ulp below CI_j = 0.1·RI_j gives CR_total just under 0.10: accepted.
    @Test func justUnderTheBoundaryAccepts() throws {
        let (consistency, a) = boundary { (0.1 * $0).nextDown }
        #expect(consistency.crTotal < 0.1 && consistency.crTotal > 0.1 - 1e-15)
        #expect(consistency.accepted)
        try consistency.requireAccepted(criterionWeights: a, at: MineRisk.SourceLocation(file: "Models/x.yaml"))
    }

    /// The bundled models: one entry per matrix, named `criteria` then each criterion's id, the figures of the
    /// AHP results, and CR_total under 0.10 for every method (their matrices are all consistent).
    @Test func bundledModelsCarryTheirConsistency() throws {
        let models = try ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)
        for (_, loaded) in models.models {
            for method in AHPMethod.allCases {
                let weights = try ModelWeights(loaded, method: method, riTable: .chinese)
                let c = weights.consistency
                #expect(c.matrices.map(\.id) == ["criteria"] + loaded.model.criteria.items.map(\.id))
                for (matrix, result) in zip(c.matrices, [weights.criteria] + weights.local) {
                    #expect(matrix == MatrixConsistency(id: matrix.id, result))
                }
                let expected = hierarchyConsistencyRatio(criterionWeights: weights.criteria.weights,
                                                         ci: weights.local.map(\.ci), ri: weights.local.map(\.ri))
                #expect(c.crTotal == expected && c.crTotal < 0.10 && c.accepted)
                let decoded = try JSONDecoder().decode(ModelConsistency.self, from: try JSONEncoder().encode(c))
                #expect(decoded == c)
            }
        }
    }
}
