import Testing
@testable import MineRisk

@Suite struct AHPGoldenTests {
    /// Saaty, "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1), 2008,
    /// pp. 83–98: the drink-consumption matrix. Printed to three decimals; RI table Saaty 1980 (RI(7) = 1.32),
    /// where the paper reports CR 0.022. Tolerance 5e-4 (half the last printed digit).
    @Test func testAHP_saaty2008Drinks() throws {
        let drinks = Matrix([
            [1, 9, 5, 2, 1, 1, 1.0 / 2],
            [1.0 / 9, 1, 1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9],
            [1.0 / 5, 3, 1, 1.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 9],
            [1.0 / 2, 9, 3, 1, 1.0 / 2, 1, 1.0 / 3],
            [1, 9, 4, 2, 1, 2, 1.0 / 2],
            [1, 9, 3, 1, 1.0 / 2, 1, 1.0 / 3],
            [2, 9, 9, 3, 2, 3, 1],
        ])
        let result = try analyticHierarchy(drinks, method: .eigenvector, riTable: .saaty1980)
        expectClose(result.weights, [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], tolerance: 5e-4)
        expectClose(result.cr, 0.022, tolerance: 5e-4)
        #expect(result.consistent)
        #expect(result.ri == 1.32)
    }

    /// Li Wen et al., Complexity 2019, art. 5873420, Table 6: the 6×6 inherent-risk matrix of a tailings dam
    /// (a_ij = j − i + 1 above the diagonal). Printed to four decimals; RI table "chinese" (RI(6) = 1.26), the
    /// only one of the three that gives the printed CR 0.0194. Tolerance 5e-5.
    @Test func testAHP_liWen2019TailingsInherent() throws {
        let n = 6
        var a = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { a[i, j] = j >= i ? Double(j - i + 1) : 1 / Double(i - j + 1) } }
        let result = try analyticHierarchy(a, method: .eigenvector, riTable: .chinese)
        expectClose(result.weights, [0.3825, 0.2504, 0.1596, 0.1006, 0.0641, 0.0428], tolerance: 5e-5)
        expectClose(result.lambdaMax, 6.1225, tolerance: 5e-5)
        expectClose(result.cr, 0.0194, tolerance: 5e-5)
        // The other tables move CR off the printed value.
        let saaty = try analyticHierarchy(a, method: .eigenvector, riTable: .saaty1980)
        #expect(abs(saaty.cr - 0.0194) > 1e-4)
    }

    /// The geometric-mean method on a perfectly consistent matrix returns the generating weights and λmax = n.
    @Test func geometricMeanOnConsistentMatrix() throws {
        let w = [0.5, 0.3, 0.2]
        let a = Matrix((0..<3).map { i in (0..<3).map { j in w[i] / w[j] } })
        for method in AHPMethod.allCases {
            let result = try analyticHierarchy(a, method: method, riTable: .chinese)
            expectClose(result.weights, w, tolerance: 1e-12)
            expectClose(result.lambdaMax, 3, tolerance: 1e-10)
            expectClose(result.cr, 0, tolerance: 1e-10)
        }
    }

    @Test func ordersOneAndTwoAreAlwaysConsistent() throws {
        let two = try analyticHierarchy(Matrix([[1, 7], [1.0 / 7, 1]]), riTable: .saaty1980)
        #expect(two.cr == 0 && two.ci == 0 && two.consistent && two.ri == 0)
        expectClose(two.weights, [0.875, 0.125], tolerance: 1e-12)
        let one = try analyticHierarchy(Matrix([[1]]))
        #expect(one.weights == [1] && one.consistent)
    }

    /// A matrix with one reversed judgement is inconsistent, and that judgement is named as the worst.
    @Test func inconsistentMatrixNamesWorstJudgement() throws {
        var a = Matrix((0..<4).map { i in (0..<4).map { j in pow(2, Double(j - i)) } })
        a[0, 3] = 1.0 / 8
        a[3, 0] = 8
        let result = try analyticHierarchy(a, riTable: .chinese)
        #expect(!result.consistent)
        #expect(result.cr >= 0.10)
        #expect(result.worstJudgement?.row == 0 && result.worstJudgement?.column == 3)
    }

    @Test func invalidMatricesAreRefused() {
        #expect(pairwiseMatrixProblems(Matrix([[1, 3], [3, 1]])).first?.contains("not reciprocal at (1,2)") == true)
        #expect(pairwiseMatrixProblems(Matrix([[1, -2], [-0.5, 1]])).first?.contains("positive") == true)
        #expect(pairwiseMatrixProblems(Matrix([[2, 1], [1, 1]])).first?.contains("diagonal") == true)
        #expect(pairwiseMatrixProblems(Matrix(rows: 2, columns: 3)).first?.contains("not square") == true)
        #expect(throws: MineRiskError.self) { try analyticHierarchy(Matrix([[1, 3], [3, 1]])) }
    }

    /// AIJ keeps reciprocity; AIP averages priorities. With identical experts both return that expert's weights.
    @Test func groupAggregation() throws {
        let a = Matrix([[1, 3, 5], [1.0 / 3, 1, 2], [1.0 / 5, 1.0 / 2, 1]])
        let b = Matrix([[1, 5, 7], [1.0 / 5, 1, 3], [1.0 / 7, 1.0 / 3, 1]])
        let aij = aggregateJudgements([a, b])
        #expect(pairwiseMatrixProblems(aij).isEmpty)
        expectClose(aij[0, 1], (3.0 * 5).squareRoot(), tolerance: 1e-12)
        let single = try analyticHierarchy(a).weights
        expectClose(try groupAHP([a, a], aggregation: .aij), single, tolerance: 1e-12)
        expectClose(try groupAHP([a, a], aggregation: .aip), single, tolerance: 1e-12)
        let weighted = try groupAHP([a, b], expertWeights: [1, 0], aggregation: .aip)
        expectClose(weighted, single, tolerance: 1e-12)
    }

    @Test func randomIndexTables() {
        #expect(RandomIndexTable.chinese.value(forOrder: 6) == 1.26)
        #expect(RandomIndexTable.saaty1980.value(forOrder: 6) == 1.24)
        #expect(RandomIndexTable.saaty2005.value(forOrder: 6) == 1.25)
        #expect(RandomIndexTable.saaty1980.value(forOrder: 2) == 0)
        #expect(RandomIndexTable.chinese.value(forOrder: 16) == nil)
    }
}

import Foundation

@Suite struct AHPEdgeTests {
    /// An empty matrix is refused before LAPACK sees it (dgeev rejects n = 0 with info = −12).
    @Test func emptyMatrixIsRefused() {
        #expect(pairwiseMatrixProblems(Matrix(rows: 0, columns: 0)) == ["empty: expected at least one judgement"])
        #expect(throws: MineRiskError.self) { try analyticHierarchy(Matrix(rows: 0, columns: 0)) }
    }
}
