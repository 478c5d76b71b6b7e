/// How a facility's indicator memberships become its score (DOMAIN §4).
public enum EvaluationMethod: String, Codable, Sendable, CaseIterable {
    /// Fuzzy comprehensive evaluation B = w ∘ R, then the score B·v.
    case fuzzy
    /// Weighted sum s = Xw of the indicators' own risk scores (no membership vector).
    case weightedSum = "weighted-sum"
}
