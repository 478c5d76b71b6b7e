import Foundation

/// How priorities are derived from a pairwise matrix.
public enum AHPMethod: String, Codable, Sendable, CaseIterable {
    /// Saaty's principal right eigenvector (LAPACK dgeev).
    case eigenvector
    /// The normalised geometric means of the rows (Crawford & Williams 1985; 方根法).
    case geometricMean = "geometric-mean"
    /// The sum-product method (和积法): each column normalised to sum 1, then each row averaged (DOMAIN §3; SPSSAU's default).
    case arithmeticMean = "arithmetic-mean"
}

/// A judgement that departs most from what the derived weights imply.
public struct InconsistentJudgement: Sendable, Codable, Equatable {
    /// 0-based row and column.
    public let row: Int
    public let column: Int
    public let judged: Double
    /// w_row / w_column from the derived weights.
    public let implied: Double
}

/// AHP priorities with the figures that say how far to trust them.
public struct AHPResult: Sendable, Codable, Equatable {
    public let weights: [Double]
    public let lambdaMax: Double
    public let ci: Double
    public let cr: Double
    public let ri: Double
    public let riTable: RandomIndexTable
    public let method: AHPMethod
    /// CR < 0.10 (Saaty); n ≤ 2 always.
    public let consistent: Bool
    /// The judgement contributing most to the inconsistency (largest |ln(a_ij·w_j/w_i)|); nil for n ≤ 2.
    public let worstJudgement: InconsistentJudgement?
}

/// Saaty's threshold: a consistency ratio below 0.10 is acceptable.
public let consistencyThreshold = 0.10

/// Validates a pairwise matrix: square, positive, unit diagonal, reciprocal to 1e-6.
/// Each problem is reported with its 1-based cell.
public func pairwiseMatrixProblems(_ a: Matrix) -> [String] {
    guard a.isSquare else { return ["not square: \(a.rows) rows of \(a.columns) columns"] }
    guard a.rows > 0 else { return ["empty: expected at least one judgement"] }
    var problems: [String] = []
    for i in 0..<a.rows {
        for j in 0..<a.columns {
            let x = a[i, j]
            if !(x > 0) || !x.isFinite {
                problems.append("entry at (\(i + 1),\(j + 1)) must be a positive number, found \(format(x))")
            } else if i == j, abs(x - 1) > 1e-12 {
                problems.append("diagonal entry at (\(i + 1),\(i + 1)) must be 1, found \(format(x))")
            } else if j > i, a[j, i] > 0, abs(x * a[j, i] - 1) > 1e-6 {
                problems.append("not reciprocal at (\(i + 1),\(j + 1)): \(format(x)) vs \(format(a[j, i])) (expected \(format(1 / x)))")
            }
        }
    }
    return problems
}

private func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.6g", x)
}

/// The bare kernel: priorities and λmax of a valid pairwise matrix.
public func ahpPriorities(_ a: Matrix, method: AHPMethod) throws -> (weights: [Double], lambdaMax: Double) {
    let n = a.rows
    if n == 1 { return ([1], 1) }
    switch method {
    case .eigenvector:
        let system = try eigen(a)
        // The Perron root of a positive matrix is real and the largest in modulus.
        var best = 0
        for k in 1..<n where system.real[k] > system.real[best] { best = k }
        var vector = system.vectors.column(best)
        let sum = vector.reduce(0, +)
        vector = vector.map { $0 / sum }
        return (vector, system.real[best])
    case .geometricMean:
        // Crawford & Williams 1985 (方根法): w_i ∝ (Π_j a_ij)^(1/n).
        let weights = normalised((0..<n).map { i in exp((0..<n).map { log(a[i, $0]) }.reduce(0, +) / Double(n)) })
        return (weights, approximateLambdaMax(a, weights))
    case .arithmeticMean:
        // DOMAIN §3 sum-product method (和积法): b_ij = a_ij / Σ_k a_kj, w_i = (1/n) Σ_j b_ij (sums to 1 by construction).
        let columnSums = (0..<n).map { j in (0..<n).map { a[$0, j] }.reduce(0, +) }
        let weights = (0..<n).map { i in (0..<n).map { a[i, $0] / columnSums[$0] }.reduce(0, +) / Double(n) }
        return (weights, approximateLambdaMax(a, weights))
    }
}

/// λmax of the approximate (row) methods: the mean of (Aw)_i / w_i.
///
/// The usual estimate for the sum-product and root methods (DOMAIN §3; the Chinese textbooks' 和积法 and
/// 方根法 steps): λmax = (1/n)·Σ_i (Aw)_i / w_i. It is n for a consistent matrix and the Perron root when w
/// is the principal eigenvector.
func approximateLambdaMax(_ a: Matrix, _ weights: [Double]) -> Double {
    let n = a.rows
    let aw = a.multiplied(by: weights)
    return (0..<n).map { aw[$0] / weights[$0] }.reduce(0, +) / Double(n)
}

/// AHP on a pairwise matrix: validates it, derives priorities, λmax, CI and CR against a named RI table.
public func analyticHierarchy(_ a: Matrix, method: AHPMethod = .eigenvector, riTable: RandomIndexTable = .chinese) throws -> AHPResult {
    let problems = pairwiseMatrixProblems(a)
    guard problems.isEmpty else { throw MineRiskError.usage(problems.joined(separator: "; ")) }
    let n = a.rows
    guard let ri = riTable.value(forOrder: n) else {
        throw MineRiskError.usage("the \(riTable.rawValue) RI table stops at n = \(RandomIndexTable.maximumOrder); this matrix has n = \(n)")
    }
    let (weights, lambdaMax) = try ahpPriorities(a, method: method)
    // Saaty: CI = (λmax − n)/(n − 1), CR = CI/RI; n ≤ 2 is consistent by construction.
    let ci = n <= 2 ? 0 : max(0, (lambdaMax - Double(n)) / Double(n - 1))
    let cr = n <= 2 ? 0 : ci / ri
    var worst: InconsistentJudgement?
    if n > 2 {
        var worstDeviation = -1.0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let implied = weights[i] / weights[j]
                let deviation = abs(log(a[i, j] / implied))
                if deviation > worstDeviation {
                    worstDeviation = deviation
                    worst = InconsistentJudgement(row: i, column: j, judged: a[i, j], implied: implied)
                }
            }
        }
    }
    return AHPResult(weights: weights, lambdaMax: lambdaMax, ci: ci, cr: cr, ri: ri, riTable: riTable,
                     method: method, consistent: cr < consistencyThreshold, worstJudgement: worst)
}
