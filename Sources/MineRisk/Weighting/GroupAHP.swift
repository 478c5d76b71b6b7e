import Foundation

/// How several experts' pairwise judgements are combined (Forman & Peniwati 1998).
public enum GroupAggregation: String, Codable, Sendable {
    /// Aggregation of individual judgements: the weighted element-wise geometric mean, which keeps reciprocity.
    case aij
    /// Aggregation of individual priorities: the weighted arithmetic mean of each expert's weights, renormalised.
    case aip
}

/// The weighted element-wise geometric mean of pairwise matrices (AIJ).
public func aggregateJudgements(_ matrices: [Matrix], weights: [Double]? = nil) -> Matrix {
    precondition(!matrices.isEmpty, "no matrices to aggregate")
    let n = matrices[0].rows
    precondition(matrices.allSatisfy { $0.rows == n && $0.columns == n }, "matrices differ in size")
    let w = normalised(weights ?? [Double](repeating: 1, count: matrices.count))
    var result = Matrix(rows: n, columns: n)
    for i in 0..<n {
        for j in 0..<n {
            var logSum = 0.0
            for (k, m) in matrices.enumerated() { logSum += w[k] * log(m[i, j]) }
            result[i, j] = exp(logSum)
        }
    }
    return result
}

/// Group AHP: AIJ aggregates the matrices and runs AHP once; AIP runs AHP per expert and averages the priorities.
public func groupAHP(
    _ matrices: [Matrix], expertWeights: [Double]? = nil, aggregation: GroupAggregation = .aij,
    method: AHPMethod = .eigenvector, riTable: RandomIndexTable = .chinese
) throws -> [Double] {
    switch aggregation {
    case .aij:
        return try analyticHierarchy(aggregateJudgements(matrices, weights: expertWeights), method: method, riTable: riTable).weights
    case .aip:
        let w = normalised(expertWeights ?? [Double](repeating: 1, count: matrices.count))
        var sum = [Double](repeating: 0, count: matrices[0].rows)
        for (k, m) in matrices.enumerated() {
            let result = try analyticHierarchy(m, method: method, riTable: riTable)
            for i in sum.indices { sum[i] += w[k] * result.weights[i] }
        }
        return normalised(sum)
    }
}

/// A vector scaled to sum to 1.
func normalised(_ v: [Double]) -> [Double] {
    let s = v.reduce(0, +)
    return v.map { $0 / s }
}
