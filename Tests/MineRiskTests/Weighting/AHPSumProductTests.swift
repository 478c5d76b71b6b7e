import Testing
@testable import MineRisk

/// The sum-product method (和积法, `AHPMethod.arithmeticMean`): columns normalised to sum 1, rows averaged,
/// λmax = (1/n)·Σ (Aw)_i / w_i. Fixtures and their sources: Tests/MineRiskTests/Fixtures/README.md.
@Suite struct AHPSumProductTests {
    static let saaty3 = Matrix([[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]])

    /// The 3×3 matrix [[1,3,5],[1/3,1,3],[1/5,1/3,1]] by hand in exact fractions: column sums 23/15, 13/3, 9;
    /// w = 5113/8073, 701/2691, 857/8073; λmax = 1260080599681/414675523035 (numpy agrees to 1e-16).
    /// RI table chinese (RI(3) = 0.52). Exact values, tolerance 1e-12.
    @Test func testSumProduct_byHand3x3() throws {
        let result = try analyticHierarchy(Self.saaty3, method: .arithmeticMean, riTable: .chinese)
        expectClose(result.weights, [5113.0 / 8073, 701.0 / 2691, 857.0 / 8073], tolerance: 1e-12)
        expectClose(result.lambdaMax, 1_260_080_599_681.0 / 414_675_523_035, tolerance: 1e-12)
        expectClose(result.ci, (1_260_080_599_681.0 / 414_675_523_035 - 3) / 2, tolerance: 1e-12)
        expectClose(result.cr, 0.037225654769, tolerance: 1e-12)
        #expect(result.method == .arithmeticMean && result.ri == 0.52 && result.consistent)
        // Printed to four decimals, as SPSSAU and the textbooks print it: .6333/.2605/.1062 (tolerance 5e-5).
        expectClose(result.weights, [0.6333, 0.2605, 0.1062], tolerance: 5e-5)
    }

    /// The sum-product weights differ from the eigenvector's in the 3rd decimal (DOMAIN §3): on the same matrix
    /// the eigenvector gives .6370/.2583/.1047, λmax 3.0385 (numpy), the sum-product .6333/.2605/.1062, λmax 3.0387.
    @Test func differsFromEigenvectorInThirdDecimal() throws {
        let sumProduct = try analyticHierarchy(Self.saaty3, method: .arithmeticMean)
        let eigenvector = try analyticHierarchy(Self.saaty3, method: .eigenvector)
        expectClose(eigenvector.weights, [0.6370, 0.2583, 0.1047], tolerance: 5e-5)
        let largest = zip(sumProduct.weights, eigenvector.weights).map { abs($0 - $1) }.max()!
        #expect(largest > 1e-3 && largest < 1e-2)
        expectClose(sumProduct.lambdaMax, 3.0387, tolerance: 5e-5)
        expectClose(eigenvector.lambdaMax, 3.0385, tolerance: 5e-5)
    }

    /// A worked 4×4 example of the sum-product method (self-study exam question, gaojiufeng.cn/?id=1053205):
    /// B = [[1,3,3,7],[1/3,1,1,5],[1/3,1,1,3],[1/7,1/5,1/3,1]] gives weights 0.53/0.22/0.19/0.06, printed to
    /// two decimals (tolerance 5e-3). The full-precision values (numpy, same method) are 0.53238866/0.21912955/
    /// 0.18787955/0.06060223, λmax 4.05761945, CR 0.02158032 with the chinese RI(4) = 0.89 (tolerance 1e-8).
    @Test func testSumProduct_workedExample4x4() throws {
        let b = Matrix([[1, 3, 3, 7], [1.0 / 3, 1, 1, 5], [1.0 / 3, 1, 1, 3], [1.0 / 7, 1.0 / 5, 1.0 / 3, 1]])
        let result = try analyticHierarchy(b, method: .arithmeticMean, riTable: .chinese)
        expectClose(result.weights, [0.53, 0.22, 0.19, 0.06], tolerance: 5e-3)
        expectClose(result.weights, [0.53238866, 0.21912955, 0.18787955, 0.06060223], tolerance: 1e-8)
        expectClose(result.lambdaMax, 4.05761945, tolerance: 1e-8)
        expectClose(result.cr, 0.02158032, tolerance: 1e-8)
    }

    /// Every method returns weights summing to 1 and the same CI/CR formula over its own λmax.
    @Test func everyMethodSumsToOne() throws {
        for method in AHPMethod.allCases {
            let result = try analyticHierarchy(Self.saaty3, method: method, riTable: .chinese)
            expectClose(result.weights.reduce(0, +), 1, tolerance: 1e-12)
            expectClose(result.ci, (result.lambdaMax - 3) / 2, tolerance: 1e-12)
            expectClose(result.cr, result.ci / 0.52, tolerance: 1e-12)
            #expect(result.method == method)
        }
    }
}
