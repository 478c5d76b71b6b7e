/// How a warning run was made, as the caller knows it: the period asked for, where the readings came from, the
/// thresholds file and its SHA-256. The report gives the rest (as-of time, readings, persistence).
public struct WarningRunProvenance: Sendable, Equatable, Codable {
    /// `--from`, when a period was asked for.
    public var from: String?
    /// `--at` or `--to`; nil when the run is as of the last reading.
    public var to: String?
    /// The data folder, or the store and round, the readings were read from.
    public var source: String
    public var thresholdsFile: String
    public var thresholdsSHA256: String

    public init(from: String?, to: String?, source: String, thresholdsFile: String, thresholdsSHA256: String) {
        self.from = from
        self.to = to
        self.source = source
        self.thresholdsFile = thresholdsFile
        self.thresholdsSHA256 = thresholdsSHA256
    }
}

/// A saved warning run of a round: when, as of when, from what, and its ponds by level.
public struct WarningRunInfo: Sendable, Equatable, Codable {
    public var id: Int64
    public var round: String
    public var createdAt: String
    public var engine: String
    public var asOf: String
    public var provenance: WarningRunProvenance
    public var readingsFile: String
    public var readings: Int
    public var readingsUsed: Int
    public var persistence: Int
    /// Ponds by level at `asOf` (none, blue, yellow, orange, red).
    public var byLevel: [String: Int]
    /// Warnings in the run's log.
    public var warnings: Int
}

/// What a level row is the level of.
public enum WarningScope: String, Sendable, Codable, CaseIterable {
    case pond, item, point
}

/// One saved level of a run: a pond's, an item's or a point's, with the evidence a point's level was judged on.
public struct StoredWarningLevel: Sendable, Equatable, Codable {
    public var scope: WarningScope
    public var pond: String
    /// The item (nil for a pond's row).
    public var item: String?
    /// The point (points only).
    public var point: String?
    public var level: WarningLevel
    public var value: Double?
    public var basis: String?
    public var threshold: Double?
    public var time: String?
    /// A point's health: ok, offline, stuck, no-readings or no-thresholds.
    public var status: String?
    public var thresholds: String?
    public var source: String?
    /// A pond's class and whether it had to be monitored on the report day.
    public var pondClass: Int?
    public var monitoringRequired: Bool?
    /// A pond's findings (offline and stuck sensors, missing monitoring).
    public var findings: [String]?
}

/// A saved warning run read back: the run, its levels (each pond followed by its items, each item by its points)
/// and its warning log.
public struct StoredWarningRun: Sendable, Encodable {
    public var run: WarningRunInfo
    /// The pond asked for, if any.
    public var facility: String?
    public var levels: [StoredWarningLevel]
    public var warnings: [WarningSpan]
}
