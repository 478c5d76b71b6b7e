import Foundation

/// How TOPSIS normalises the decision matrix.
public enum TOPSISNormalization: String, Codable, Sendable, CaseIterable {
    /// r_ij = x_ij / √Σ_i x_ij² (Hwang & Yoon 1981).
    case vector
    /// Min-max by type; the ideal is then 1 and the anti-ideal 0 in every column.
    case minmax
}

/// TOPSIS closeness of each alternative, and ranks (1 = closest to the ideal).
public struct TOPSISResult: Sendable, Codable, Equatable {
    public let closeness: [Double]
    public let rank: [Int]
    public let idealBest: [Double]
    public let idealWorst: [Double]
    public let normalization: TOPSISNormalization
}

/// TOPSIS (Hwang & Yoon 1981): closeness = d⁻/(d⁺ + d⁻) on the weighted normalised matrix.
public func topsis(_ x: Matrix, weights: [Double], types: [CriterionType], normalization: TOPSISNormalization = .vector) throws -> TOPSISResult {
    guard weights.count == x.columns, types.count == x.columns else {
        throw MineRiskError.usage("TOPSIS needs one weight and one type per criterion: \(x.columns) criteria, \(weights.count) weights, \(types.count) types")
    }
    // Row by row over the row-major storage (a grade's facilities of a national round are 100,000 rows); each element
    // gets the same operations in the same order as the column-wise formulas.
    let n = x.rows, m = x.columns
    guard n > 0 else { return TOPSISResult(closeness: [], rank: [], idealBest: [], idealWorst: [], normalization: normalization) }
    var v: Matrix
    switch normalization {
    case .vector:
        v = x
        var sumSquares = [Double](repeating: 0, count: m)
        for i in 0..<n { for j in 0..<m { sumSquares[j] += x[i, j] * x[i, j] } }
        let norms = sumSquares.map { $0.squareRoot() }
        for i in 0..<n { for j in 0..<m { v[i, j] = norms[j] == 0 ? 0 : x[i, j] / norms[j] } }
    case .minmax:
        // Already oriented: 1 is best in every column.
        v = minMaxNormalised(x, types: types)
    }
    for i in 0..<n { for j in 0..<m { v[i, j] *= weights[j] } }
    let (lowest, highest) = v.columnExtremes
    let orientedBenefit = (0..<m).map { normalization == .minmax || types[$0] == .benefit }
    let best = (0..<m).map { orientedBenefit[$0] ? highest[$0] : lowest[$0] }
    let worst = (0..<m).map { orientedBenefit[$0] ? lowest[$0] : highest[$0] }
    let closeness = (0..<n).map { i -> Double in
        var plus = 0.0, minus = 0.0
        for j in 0..<m {
            let e = v[i, j]
            plus += (e - best[j]) * (e - best[j])
            minus += (e - worst[j]) * (e - worst[j])
        }
        let dPlus = plus.squareRoot(), dMinus = minus.squareRoot()
        return dPlus + dMinus == 0 ? 0 : dMinus / (dPlus + dMinus)
    }
    let order = closeness.indices.sorted { closeness[$0] != closeness[$1] ? closeness[$0] > closeness[$1] : $0 < $1 }
    var rank = [Int](repeating: 0, count: closeness.count)
    for (position, index) in order.enumerated() { rank[index] = position + 1 }
    return TOPSISResult(closeness: closeness, rank: rank, idealBest: best, idealWorst: worst, normalization: normalization)
}

