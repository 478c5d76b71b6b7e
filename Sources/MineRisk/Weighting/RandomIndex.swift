/// Named random-index tables for Saaty's consistency ratio (DOMAIN §3). They disagree in the second
/// decimal, which moves CR; every result records the table it used.
public enum RandomIndexTable: String, Codable, Sendable, CaseIterable {
    /// Saaty, *The Analytic Hierarchy Process*, 1980.
    case saaty1980
    /// The table of Chinese textbooks and of published Chinese tailings-dam work (e.g. Li Wen et al. 2019).
    case chinese
    /// Saaty, *Theory and Applications of the Analytic Network Process*, 2005.
    case saaty2005

    /// RI for n = 3 … 15; n ≤ 2 is always consistent and has RI 0.
    private var values: [Double] {
        switch self {
        case .saaty1980: return [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]
        case .chinese: return [0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]
        case .saaty2005: return [0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]
        }
    }

    /// The largest order the table covers.
    public static let maximumOrder = 15

    /// RI(n); nil when n is beyond the table.
    public func value(forOrder n: Int) -> Double? {
        if n <= 2 { return 0 }
        guard n <= Self.maximumOrder else { return nil }
        return values[n - 3]
    }
}
