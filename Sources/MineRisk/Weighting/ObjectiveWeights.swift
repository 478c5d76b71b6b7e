import Foundation

/// Whether more of a criterion is better (benefit) or worse (cost).
public enum CriterionType: String, Codable, Sendable {
    case benefit
    case cost
}

/// How the entropy method normalises a column before taking proportions.
public enum EntropyNormalization: String, Codable, Sendable, CaseIterable {
    /// p_ij = x_ij / Σ_i x_ij on the raw values (types ignored; values must be non-negative),
    /// as scikit-criteria's `EntropyWeighter` does.
    case sum
    /// Min-max standardise by type first (benefit (x−min)/(max−min), cost (max−x)/(max−min)),
    /// then take proportions: the variant common in Chinese papers.
    case minmax
}

/// The objective weighting methods.
public enum ObjectiveMethod: String, Codable, Sendable, CaseIterable {
    case entropy
    case critic
    case stddev
}

/// Objective weights of the columns of a decision matrix (alternatives × criteria).
public func objectiveWeights(
    _ x: Matrix, types: [CriterionType], method: ObjectiveMethod, normalization: EntropyNormalization = .sum
) throws -> [Double] {
    precondition(types.count == x.columns, "one type per criterion")
    guard x.rows >= 2 else { throw MineRiskError.usage("objective weights need at least two alternatives, found \(x.rows)") }
    let raw: [Double]
    switch method {
    case .entropy: raw = try entropyDiversities(x, types: types, normalization: normalization)
    case .critic: raw = criticInformation(minMaxNormalised(x, types: types))
    case .stddev: raw = (0..<x.columns).map { standardDeviation(minMaxNormalised(x, types: types).column($0)) }
    }
    let sum = raw.reduce(0, +)
    guard sum > 0 else {
        throw MineRiskError.usage("every criterion is constant across the alternatives: the data carry no information to weight by")
    }
    return raw.map { $0 / sum }
}

/// 1 − e_j for each column (Shannon entropy weighting): e_j = −(1/ln n) Σ p ln p with 0·ln 0 = 0.
func entropyDiversities(_ x: Matrix, types: [CriterionType], normalization: EntropyNormalization) throws -> [Double] {
    let n = x.rows
    let source: Matrix
    switch normalization {
    case .sum:
        if let negative = x.storage.firstIndex(where: { $0 < 0 }) {
            throw MineRiskError.usage("entropy with sum normalisation needs non-negative values; found \(x.storage[negative]) in row \(negative / x.columns + 1), column \(negative % x.columns + 1) (use --normalization minmax)")
        }
        source = x
    case .minmax:
        source = minMaxNormalised(x, types: types)
    }
    return (0..<x.columns).map { j in
        let column = source.column(j)
        let total = column.reduce(0, +)
        guard total > 0 else { return 0 } // a constant (all-zero) column carries no information
        var h = 0.0
        for value in column where value > 0 {
            let p = value / total
            h -= p * log(p)
        }
        let diversity = 1 - h / log(Double(n))
        return diversity < 1e-12 ? 0 : diversity // rounding leaves ~1e-16 for uniform columns
    }
}

/// CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995): C_j = σ_j Σ_k (1 − r_jk) on min-max normalised data.
func criticInformation(_ z: Matrix) -> [Double] {
    let m = z.columns
    let columns = (0..<m).map { z.column($0) }
    let sigma = columns.map(standardDeviation)
    return (0..<m).map { j in
        var conflict = 0.0
        for k in 0..<m { conflict += 1 - correlation(columns[j], columns[k], sigma[j], sigma[k]) }
        return sigma[j] * conflict
    }
}

/// Min-max normalisation per column by type; a constant column becomes all zeros.
/// Row by row over the row-major storage (TOPSIS normalises a grade's facilities of a national round, 100,000 rows).
public func minMaxNormalised(_ x: Matrix, types: [CriterionType]) -> Matrix {
    var z = x
    let (lo, hi) = x.columnExtremes
    for i in 0..<x.rows {
        for j in 0..<x.columns {
            let span = hi[j] - lo[j]
            z[i, j] = span == 0 ? 0 : (types[j] == .benefit ? (x[i, j] - lo[j]) / span : (hi[j] - x[i, j]) / span)
        }
    }
    return z
}

/// Population standard deviation (ddof 0; the weights are normalised, so the choice of ddof cancels).
func standardDeviation(_ v: [Double]) -> Double {
    let mean = v.reduce(0, +) / Double(v.count)
    return (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count)).squareRoot()
}

/// Pearson correlation; a constant column is taken as uncorrelated with the others and fully with itself.
func correlation(_ a: [Double], _ b: [Double], _ sa: Double, _ sb: Double) -> Double {
    guard sa > 0, sb > 0 else { return a == b ? 1 : 0 }
    let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
    var s = 0.0
    for i in a.indices { s += (a[i] - ma) * (b[i] - mb) }
    return s / Double(a.count) / (sa * sb)
}

/// How subjective and objective weights are combined.
public enum WeightCombination: Codable, Sendable, Equatable {
    /// α·subjective + (1−α)·objective.
    case linear(alpha: Double)
    /// subjective·objective, renormalised.
    case multiplicative
}

/// Combines subjective (AHP) and objective weights.
public func combineWeights(subjective: [Double], objective: [Double], by rule: WeightCombination) -> [Double] {
    precondition(subjective.count == objective.count, "weight vectors differ in length")
    switch rule {
    case let .linear(alpha):
        return zip(subjective, objective).map { alpha * $0 + (1 - alpha) * $1 }
    case .multiplicative:
        let product = zip(subjective, objective).map(*)
        let sum = product.reduce(0, +)
        return sum > 0 ? product.map { $0 / sum } : subjective
    }
}
