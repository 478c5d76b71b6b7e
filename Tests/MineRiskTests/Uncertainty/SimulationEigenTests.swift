import Foundation
import Testing
@testable import MineRisk

/// The batched power iteration against LAPACK dgeev (`analyticHierarchy`), to 1e-10.
@Suite struct SimulationEigenTests {
    static let tolerance = 1e-10

    /// Li Wen et al. 2019 Table 6 (a_ij = j − i + 1): weights .3825/.2504/.1596/.1006/.0641/.0428, λmax 6.1225.
    @Test func powerIteration_li2019TailingsMatrix() throws {
        let n = 6
        var a = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { a[i, j] = j >= i ? Double(j - i + 1) : 1 / Double(i - j + 1) } }
        let (w, lambda) = try Self.solve([a], order: n)
        let exact = try analyticHierarchy(a)
        for i in 0..<n { #expect(abs(w[i] - exact.weights[i]) < Self.tolerance) }
        #expect(abs(lambda[0] - exact.lambdaMax) < Self.tolerance)
        #expect(abs(w[0] - 0.3825) < 5e-5 && abs(lambda[0] - 6.1225) < 5e-5)
    }

    @Test func perturbedMatricesAgreeWithDgeev() throws {
        var random = SplitMix64(seed: 3)
        for n in [2, 3, 5, 8, 9] {
            var batch: [Matrix] = []
            for _ in 0..<40 {
                var a = Matrix(rows: n, columns: n, repeating: 1)
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        a[i, j] = exp(log(Double(1 + random.nextInt(below: 9))) * (random.nextUnit() < 0.5 ? 1 : -1) + 0.5 * random.nextNormal())
                        a[j, i] = 1 / a[i, j]
                    }
                }
                batch.append(a)
            }
            let (w, lambda) = try Self.solve(batch, order: n)
            for (b, a) in batch.enumerated() {
                let exact = try analyticHierarchy(a, riTable: .saaty1980)
                for i in 0..<n { #expect(abs(w[b * n + i] - exact.weights[i]) < Self.tolerance, "n \(n) matrix \(b)") }
                #expect(abs(lambda[b] - exact.lambdaMax) < 1e-9)
            }
        }
    }

    /// The closed-form methods (root and sum-product) in a batch match `ahpPriorities` to rounding.
    @Test(arguments: [AHPMethod.geometricMean, .arithmeticMean])
    func approximateMethodsMatchAHPMethod(_ method: AHPMethod) throws {
        let matrices = [Matrix([[1, 3, 5], [1.0 / 3, 1, 2], [0.2, 0.5, 1]]),
                        Matrix([[1, 3, 3, 7], [1.0 / 3, 1, 1, 5], [1.0 / 3, 1, 1, 3], [1.0 / 7, 1.0 / 5, 1.0 / 3, 1]])]
        for a in matrices {
            let n = a.rows
            let (w, lambda) = try Self.solve([a, a], order: n, method: method)
            let exact = try ahpPriorities(a, method: method)
            for b in 0..<2 {
                for i in 0..<n { #expect(abs(w[b * n + i] - exact.weights[i]) < 1e-14) }
                #expect(abs(lambda[b] - exact.lambdaMax) < 1e-12)
            }
        }
    }

    static func solve(_ matrices: [Matrix], order n: Int, method: AHPMethod = .eigenvector) throws -> ([Double], [Double]) {
        let storage = matrices.flatMap(\.storage)
        var w = [Double](repeating: 0, count: matrices.count * n)
        var lambda = [Double](repeating: 0, count: matrices.count)
        try storage.withUnsafeBufferPointer { m in
            try w.withUnsafeMutableBufferPointer { wp in
                try lambda.withUnsafeMutableBufferPointer { lp in
                    try PerronBatch(order: n, method: method).solve(m, count: matrices.count, weights: wp, lambdas: lp)
                }
            }
        }
        return (w, lambda)
    }
}
