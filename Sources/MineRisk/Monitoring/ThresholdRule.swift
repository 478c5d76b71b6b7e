/// How a point's readings are turned into levels, and where the rule comes from.
public struct ThresholdRule: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// Values per level on the reading itself.
        case fixed(FixedThresholds)
        /// Rolling rain sums against the rainstorm signals.
        case rainstorm(RainstormSignals)
        /// The improved tangent-angle method on the displacement curve.
        case tangentAngle(TangentAngleSettings)
        /// No values given and none to default to: the point cannot warn, which is a finding.
        case unset
    }

    public var method: Method
    /// The clause or file (with YAML path) the values come from.
    public var source: String

    public init(_ method: Method, source: String) {
        self.method = method
        self.source = source
    }

    /// A short text of the thresholds, for tables ("≤ 6.6 orange, ≤ 6.0 red").
    public var summary: String {
        switch method {
        case let .fixed(values):
            let sign = values.worse == .higher ? "≥" : "≤"
            return WarningLevel.warnings.compactMap { level in values.value(of: level).map { "\(level) \(sign) \(formatNumber($0))" } }.joined(separator: ", ")
        case let .rainstorm(signals):
            return signals.signals.reversed().map { "\($0.level) ≥ \(formatNumber($0.millimetres)) mm/\($0.hours) h" }.joined(separator: ", ")
        case let .tangentAngle(settings):
            return "tangent angle " + WarningLevel.warnings.compactMap { level in settings.angles.value(of: level).map { "\(level) ≥ \(formatNumber($0))°" } }.joined(separator: ", ")
        case .unset:
            return "no thresholds"
        }
    }
}

/// A number without trailing zeros (6.0 → "6", 6.60 → "6.6").
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
