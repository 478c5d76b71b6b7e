/// The state of a sensor at the report time.
public enum SensorHealth: String, Sendable, Codable {
    case ok
    /// Silent for more than 3 × its interval.
    case offline
    /// The same value for a day or more.
    case stuck
    /// No reading at all up to the report time.
    case noReadings = "no-readings"
    /// Working, but with no thresholds to judge it by.
    case noThresholds = "no-thresholds"

    /// True when the point delivers usable readings.
    public var isWorking: Bool { self == .ok || self == .noThresholds }

    /// A point is offline when silent for more than this many intervals.
    static let offlineIntervals: Int64 = 3
    /// A point is stuck when it repeats one value for this long.
    static let stuckSeconds: Int64 = 86_400
}
