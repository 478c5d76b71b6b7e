/// The composition operator of a fuzzy comprehensive evaluation B = w ∘ R (DOMAIN §4).
public enum FuzzyOperator: String, Codable, Sendable, CaseIterable {
    /// M(·,⊕): b_k = Σ_j w_j r_jk, the weighted average; linear, so a batch is one matrix product.
    case weightedAverage = "weighted-average"
    /// M(∧,∨): b_k = max_j min(w_j, r_jk), the main-factor-decisive operator.
    case minMax = "min-max"
    /// M(·,∨): b_k = max_j w_j·r_jk.
    case productMax = "product-max"
    /// M(∧,⊕): b_k = min(1, Σ_j min(w_j, r_jk)).
    case minBoundedSum = "min-bounded-sum"

    public var notation: String {
        switch self {
        case .weightedAverage: return "M(·,⊕)"
        case .minMax: return "M(∧,∨)"
        case .productMax: return "M(·,∨)"
        case .minBoundedSum: return "M(∧,⊕)"
        }
    }
}

/// The bare kernel: B = w ∘ R for one membership matrix R (m × grades, row-major), normalised to sum 1.
public func fuzzyEvaluate(weights: [Double], memberships r: [Double], grades: Int = 4, operator op: FuzzyOperator) -> [Double] {
    let m = weights.count
    precondition(r.count == m * grades, "memberships must be \(m)×\(grades)")
    var b = [Double](repeating: 0, count: grades)
    weights.withUnsafeBufferPointer { w in
        r.withUnsafeBufferPointer { r in
            b.withUnsafeMutableBufferPointer { b in
                fuzzyCombine(weights: w, memberships: r.baseAddress!, rowStride: grades, gradeStride: 1, operator: op, into: b)
            }
        }
    }
    let sum = b.reduce(0, +)
    return sum > 0 ? b.map { $0 / sum } : b
}

/// B = w ∘ R before normalisation, on raw memory: R's element (indicator j, grade k) is at
/// `r[j * rowStride + k * gradeStride]`, so a kind's membership matrix is read in place.
@inline(__always)
func fuzzyCombine(weights w: UnsafeBufferPointer<Double>, memberships r: UnsafePointer<Double>, rowStride: Int, gradeStride: Int,
                  operator op: FuzzyOperator, into b: UnsafeMutableBufferPointer<Double>) {
    for k in 0..<b.count {
        var acc = 0.0
        for j in 0..<w.count {
            let weight = w[j], x = r[j * rowStride + k * gradeStride]
            switch op {
            case .weightedAverage: acc += weight * x
            case .minMax: acc = max(acc, min(weight, x))
            case .productMax: acc = max(acc, weight * x)
            case .minBoundedSum: acc += min(weight, x)
            }
        }
        b[k] = op == .minBoundedSum ? min(1, acc) : acc
    }
}

/// A validated fuzzy comprehensive evaluation of one facility, keeping R and the operator used.
public struct FuzzyEvaluation: Sendable, Equatable {
    public let weights: [Double]
    public let memberships: Matrix
    public let fuzzyOperator: FuzzyOperator
    public let result: [Double]

    public init(weights: [Double], memberships: Matrix, operator op: FuzzyOperator = .weightedAverage) throws {
        guard memberships.rows == weights.count else {
            throw MineRiskError.usage("fuzzy evaluation: \(weights.count) weights for \(memberships.rows) membership rows")
        }
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }), abs(weights.reduce(0, +) - 1) < 1e-6 else {
            throw MineRiskError.usage("fuzzy evaluation: weights must be non-negative and sum to 1, found sum \(weights.reduce(0, +))")
        }
        self.weights = weights
        self.memberships = memberships
        fuzzyOperator = op
        result = fuzzyEvaluate(weights: weights, memberships: memberships.storage, grades: memberships.columns, operator: op)
    }
}
