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

    /// The engine's row-by-row TOPSIS gives, to the bit, what the column-wise formulas give (Hwang & Yoon 1981, as
    /// written out below with the matrix's columns), on random matrices with ties and constant columns.
    @Test func rowByRowEqualsTheColumnFormulas() throws {
        var random = SplitMix64(seed: 21)
        for trial in 0..<40 {
            let n = 1 + random.nextInt(below: 60), m = 1 + random.nextInt(below: 9)
            let constant = random.nextInt(below: m)
            let x = Matrix(rows: n, columns: m, storage: (0..<(n * m)).map { k in
                k % m == constant ? 3.5 : Double(random.nextInt(below: 7)) + random.nextUnit()
            })
            let types = (0..<m).map { _ in random.nextUnit() < 0.5 ? CriterionType.benefit : .cost }
            let raw = (0..<m).map { _ in random.nextUnit() + 0.01 }
            let weights = raw.map { $0 / raw.reduce(0, +) }
            for normalization in TOPSISNormalization.allCases {
                let result = try topsis(x, weights: weights, types: types, normalization: normalization)
                let reference = columnWiseTOPSIS(x, weights: weights, types: types, normalization: normalization)
                #expect(result.closeness.map(\.bitPattern) == reference.closeness.map(\.bitPattern), "trial \(trial) \(normalization)")
                #expect(result.idealBest.map(\.bitPattern) == reference.best.map(\.bitPattern))
                #expect(result.idealWorst.map(\.bitPattern) == reference.worst.map(\.bitPattern))
            }
        }
    }

    /// TOPSIS column by column, straight from the formulas.
    func columnWiseTOPSIS(_ x: Matrix, weights: [Double], types: [CriterionType],
                          normalization: TOPSISNormalization) -> (closeness: [Double], best: [Double], worst: [Double]) {
        var v = x
        for j in 0..<x.columns {
            let column = x.column(j)
            switch normalization {
            case .vector:
                let norm = column.map { $0 * $0 }.reduce(0, +).squareRoot()
                for i in 0..<x.rows { v[i, j] = norm == 0 ? 0 : x[i, j] / norm }
            case .minmax:
                let lo = column.min()!, hi = column.max()!, span = hi - lo
                for i in 0..<x.rows { v[i, j] = span == 0 ? 0 : (types[j] == .benefit ? (x[i, j] - lo) / span : (hi - x[i, j]) / span) }
            }
            for i in 0..<x.rows { v[i, j] *= weights[j] }
        }
        let benefit = { (j: Int) in normalization == .minmax || types[j] == .benefit }
        let best = (0..<x.columns).map { benefit($0) ? v.column($0).max()! : v.column($0).min()! }
        let worst = (0..<x.columns).map { benefit($0) ? v.column($0).min()! : v.column($0).max()! }
        let closeness = (0..<x.rows).map { i -> Double in
            var plus = 0.0, minus = 0.0
            for j in 0..<x.columns {
                plus += (v[i, j] - best[j]) * (v[i, j] - best[j])
                minus += (v[i, j] - worst[j]) * (v[i, j] - worst[j])
            }
            let dPlus = plus.squareRoot(), dMinus = minus.squareRoot()
            return dPlus + dMinus == 0 ? 0 : dMinus / (dPlus + dMinus)
        }
        return (closeness, best, worst)
    }

    @Test func refusesMismatchedWeights() {
        #expect(throws: MineRiskError.self) { try topsis(x, weights: [1], types: types) }
    }
}
