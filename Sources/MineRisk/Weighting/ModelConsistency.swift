/// The consistency of a two-level AHP hierarchy: every matrix's λmax, CI, RI and CR, and CR_total.
public struct ModelConsistency: Sendable, Codable, Equatable {
    /// The criterion matrix first (id `criteria`), then each criterion's indicator matrix in model order.
    public let matrices: [MatrixConsistency]
    /// The hierarchy total consistency ratio (层次总排序一致性比率), see `hierarchyConsistencyRatio`.
    public let crTotal: Double

    /// Collects the figures of a hierarchy and computes CR_total from the criterion weights.
    /// - Parameters:
    ///   - criteria: the criterion matrix's figures.
    ///   - criterionWeights: a_j, the criterion weights, one per indicator matrix.
    ///   - indicatorMatrices: each criterion's indicator matrix, in the order of `criterionWeights`.
    public init(criteria: MatrixConsistency, criterionWeights: [Double], indicatorMatrices: [MatrixConsistency]) {
        precondition(criterionWeights.count == indicatorMatrices.count, "one criterion weight per indicator matrix")
        matrices = [criteria] + indicatorMatrices
        crTotal = hierarchyConsistencyRatio(criterionWeights: criterionWeights, ci: indicatorMatrices.map(\.ci),
                                            ri: indicatorMatrices.map(\.ri))
    }

    /// CR_total < 0.10 (DOMAIN §3, 层次总排序一致性检验).
    public var accepted: Bool { crTotal < consistencyThreshold }

    /// Refuses a hierarchy whose CR_total is 0.10 or more, naming the criterion with the largest a_j·CI_j.
    /// - Parameters:
    ///   - criterionWeights: the a_j the figures were computed with.
    ///   - location: the model file (and path) to name in the error.
    public func requireAccepted(criterionWeights: [Double], at location: SourceLocation) throws {
        guard !accepted else { return }
        let indicatorMatrices = Array(matrices.dropFirst())
        let contributions = zip(criterionWeights, indicatorMatrices).map { $0 * $1.ci }
        let worst = contributions.indices.max { contributions[$0] < contributions[$1] } ?? 0
        let (contribution, matrix) = (contributions[worst], indicatorMatrices[worst])
        throw MineRiskError.invalid(location, "inconsistent hierarchy: CR_total \(crTotal.rounded(to: 4)) ≥ 0.10 (Σ a_j·CI_j / Σ a_j·RI_j); "
            + "criterion \(matrix.id) contributes most (a_j·CI_j = \(contribution.rounded(to: 4)), its CR \(matrix.cr.rounded(to: 4)))")
    }
}

/// The hierarchy total consistency ratio (层次总排序一致性检验, DOMAIN §3).
///
/// CR_total = Σ_j a_j·CI_j / Σ_j a_j·RI_j, with a_j the criterion weights and CI_j, RI_j those of criterion j's
/// indicator matrix; accepted when < 0.10. A matrix of order n ≤ 2 enters with CI_j = 0 and RI_j = 0 (it is
/// consistent by construction, DOMAIN §3), and a hierarchy whose Σ a_j·RI_j is 0 (every indicator matrix of
/// order ≤ 2) has CR_total = 0, never a division by zero. Since CI_j = CR_j·RI_j, CR_total is the mean of the
/// CR_j weighted by a_j·RI_j: it stays below 0.10 whenever every indicator matrix does.
public func hierarchyConsistencyRatio(criterionWeights a: [Double], ci: [Double], ri: [Double]) -> Double {
    precondition(a.count == ci.count && a.count == ri.count, "one CI and one RI per criterion weight")
    var numerator = 0.0
    var denominator = 0.0
    for j in a.indices {
        // DOMAIN §3: CR_total = Σ a_j·CI_j / Σ a_j·RI_j.
        numerator += a[j] * ci[j]
        denominator += a[j] * ri[j]
    }
    // DOMAIN §3 (n ≤ 2 consistent by construction): no matrix with RI > 0 leaves nothing to be inconsistent.
    return denominator > 0 ? numerator / denominator : 0
}
