/// How an indicator's assessed values are expressed.
public enum IndicatorScale: String, Codable, Sendable {
    /// A measured value in the indicator's unit.
    case measured
    /// A 0–100 expert score.
    case score
    /// An expert's grade vote, 1 (low) … 4 (major).
    case level
}

/// Whether a higher value means more risk or more safety.
public enum IndicatorDirection: String, Codable, Sendable {
    case risk
    case safety
}

/// One indicator of a model, with how its values become grade memberships.
public struct Indicator: Codable, Sendable, Hashable {
    public var id: String
    public var name: BilingualName
    public var unit: String?
    public var scale: IndicatorScale
    public var direction: IndicatorDirection
    /// Edges between low|general, general|significant, significant|major; absent for `level`.
    public var edges: [Double]?
    /// The closed range of valid values.
    public var range: [Double]?
    public var source: String?
}
