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
    var v: Matrix
    switch normalization {
    case .vector:
        v = x
        for j in 0..<x.columns {
            let norm = x.column(j).map { $0 * $0 }.reduce(0, +).squareRoot()
            for i in 0..<x.rows { v[i, j] = norm == 0 ? 0 : x[i, j] / norm }
        }
    case .minmax:
        // Already oriented: 1 is best in every column.
        v = minMaxNormalised(x, types: types)
    }
    for i in 0..<v.rows { for j in 0..<v.columns { v[i, j] *= weights[j] } }
    let orientedBenefit: (Int) -> Bool = { normalization == .minmax || types[$0] == .benefit }
    let best = (0..<v.columns).map { orientedBenefit($0) ? v.column($0).max()! : v.column($0).min()! }
    let worst = (0..<v.columns).map { orientedBenefit($0) ? v.column($0).min()! : v.column($0).max()! }
    let closeness = (0..<v.rows).map { i -> Double in
        var plus = 0.0, minus = 0.0
        for j in 0..<v.columns {
            plus += (v[i, j] - best[j]) * (v[i, j] - best[j])
            minus += (v[i, j] - worst[j]) * (v[i, j] - worst[j])
        }
        let dPlus = plus.squareRoot(), dMinus = minus.squareRoot()
        return dPlus + dMinus == 0 ? 0 : dMinus / (dPlus + dMinus)
    }
    let order = closeness.indices.sorted { closeness[$0] != closeness[$1] ? closeness[$0] > closeness[$1] : $0 < $1 }
    var rank = [Int](repeating: 0, count: closeness.count)
    for (position, index) in order.enumerated() { rank[index] = position + 1 }
    return TOPSISResult(closeness: closeness, rank: rank, idealBest: best, idealWorst: worst, normalization: normalization)
}
