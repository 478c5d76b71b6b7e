/// What `minerisk warn` reports: every monitored pond's level with its items and points, the warnings
/// that opened and closed, and a summary.
public struct WarningReport: Sendable, Encodable {
    public var asOf: String
    /// The start of the period asked for (`--from`), if any.
    public var from: String?
    public var ponds: [PondWarning]
    public var warnings: [WarningSpan]
    public var summary: WarningSummary
    public var provenance: WarningProvenance
    /// Each pond's level over time, for grading by warnings; not written out.
    public var timeline: PondLevelTimeline
    /// Rows rejected under --skip-invalid.
    public var rejects: [RejectedRow]

    enum CodingKeys: String, CodingKey { case asOf, from, ponds, warnings, summary, provenance }

    /// The worst level a pond reached in the report's period (from `from`, else from the first reading, to the report
    /// time), by the aggregation across its items (GB 39496-2020 §5.5.4) at every change; `none` for an unknown pond.
    public func peakLevel(of pond: String) -> WarningLevel {
        let start = from.flatMap { ISOTime.parse($0)?.seconds } ?? .min
        let changes = timeline.changes[pond] ?? []
        let within = changes.filter { $0.time >= start }.map(\.level).max() ?? .none
        return max(within, timeline.level(of: pond, at: start), ponds.first { $0.id == pond }?.level ?? .none)
    }
}

/// One pond's level at the report time.
public struct PondWarning: Sendable, Encodable {
    public var id: String
    public var name: String
    public var county: String
    public var pondClass: Int
    public var level: WarningLevel
    public var monitoringRequired: Bool
    public var items: [ItemWarning]
    public var findings: [String]
}

/// One item of a pond: its level from its points (GB 39496-2020 §5.5.4).
public struct ItemWarning: Sendable, Encodable {
    public var item: MonitoredItem
    public var level: WarningLevel
    public var points: [PointWarning]
}

/// One point: its level, the reading it is judged on, and the threshold that level was reached at.
public struct PointWarning: Sendable, Encodable {
    public var id: String
    public var level: WarningLevel
    /// What the level is judged on: the reading, a rain sum, or the tangent angle (see `basis`).
    public var value: Double?
    public var basis: String
    /// The edge of `level` (nil at none).
    public var threshold: Double?
    /// Time of the last reading.
    public var time: String?
    /// ok, offline, stuck, no-readings or no-thresholds.
    public var status: String
    public var thresholds: String
    public var source: String
}

/// A warning on one item of one pond: when it opened, its peak, and when it closed (nil: still open).
public struct WarningSpan: Sendable, Encodable {
    public var pond: String
    public var item: MonitoredItem
    /// The peak level.
    public var level: WarningLevel
    public var start: String
    public var end: String?
    /// When the peak was first reached.
    public var peak: String
    /// The point that first reached the peak, its value and the threshold.
    public var peakPoint: String
    public var peakValue: Double?
    public var peakThreshold: Double?

    enum CodingKeys: String, CodingKey { case pond, item, level, start, end, peak, peakPoint, peakValue, peakThreshold }

    /// Written with `end: null` while the warning is open.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pond, forKey: .pond)
        try c.encode(item, forKey: .item)
        try c.encode(level, forKey: .level)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(peak, forKey: .peak)
        try c.encode(peakPoint, forKey: .peakPoint)
        try c.encode(peakValue, forKey: .peakValue)
        try c.encode(peakThreshold, forKey: .peakThreshold)
    }
}

/// Ponds by level, overall and per county.
public struct WarningSummary: Sendable, Encodable {
    public var byLevel: [String: Int]
    public var byCounty: [String: [String: Int]]
}

/// How the report was made.
public struct WarningProvenance: Sendable, Encodable {
    public var readingsFile: String
    public var readings: Int
    public var readingsUsed: Int
    public var persistence: Int
    public var thresholdsFile: String
    public var aggregation: String
    public var monitoringDuty: String
}
