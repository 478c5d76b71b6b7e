/// A pond's monitoring over a window, reduced for drawing: each chosen item's points as buckets of equal time
/// (min and max of each, so a spike survives), the thresholds per level, and the item's warning spans.
public struct PondSeries: Sendable {
    /// One point's readings in buckets; nil where the bucket has no usable reading.
    public struct Point: Sendable {
        public var id: String
        public var minimum: [Double?]
        public var maximum: [Double?]
        /// Rain gauges: the rain of each bucket, and the largest rolling 3 h sum reached in it.
        public var rainSum: [Double]
        public var rain3h: [Double?]
        /// Readings in the window (before reduction).
        public var readings: Int
    }

    /// A warning of the item: when it started and ended (nil: still open at the report time), and its peak.
    public struct Span: Sendable {
        public var start: Int64
        public var end: Int64?
        public var level: WarningLevel
    }

    /// One item of the pond: its points, its thresholds (when they are values on the reading) and its spans.
    public struct Item: Sendable {
        public var item: MonitoredItem
        public var level: WarningLevel
        public var points: [Point]
        /// The thresholds shared by its points, when the rule is values per level on the reading.
        public var thresholds: FixedThresholds?
        /// The rainstorm signals, for rainfall.
        public var signals: RainstormSignals?
        /// How the item's levels are judged, for the caption (the rule's summary and source).
        public var rule: String
        public var spans: [Span]
    }

    public var pond: PondWarning
    /// The worst level the pond's warnings reached in the report's period.
    public var peak: WarningLevel
    /// The window drawn, in seconds since the epoch, and the offset times are shown in.
    public var from: Int64
    public var to: Int64
    public var offsetMinutes: Int
    /// Seconds per bucket (min/max series) and per rain bar.
    public var bucketSeconds: Int64
    public var rainBucketSeconds: Int64
    public var items: [Item]

    /// How many buckets the series are reduced to.
    public var buckets: Int { Int((to - from + bucketSeconds - 1) / bucketSeconds) }
    public var rainBuckets: Int { Int((to - from + rainBucketSeconds - 1) / rainBucketSeconds) }
}
