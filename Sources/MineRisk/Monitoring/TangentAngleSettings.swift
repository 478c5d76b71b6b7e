/// The improved tangent-angle method for displacement over time (Xu Qiang; the table as given in EURASIP J.
/// Wireless Commun. Netw. 2021, doi 10.1186/s13638-021-02033-y): how the curve is smoothed and read.
public struct TangentAngleSettings: Sendable, Hashable {
    /// Readings are averaged over this many hours before the angle is taken (raw readings give false alarms).
    public var smoothingHours: Double = 2
    /// The angle is taken over the smoothed displacement of the last `lagHours`.
    public var lagHours: Double = 6
    /// The velocity of the uniform (constant-rate) stage in mm/day; nil: estimated from the first
    /// `referenceDays` of the point's readings.
    public var velocity: Double?
    public var referenceDays: Double = 3
    /// A floor on the estimated velocity (mm/day), so that a still sensor does not turn noise into an angle.
    public var minimumVelocity: Double = 0.05
    /// The angle (degrees) from which each level holds: ≈45° is the uniform stage (blue, 注意; the "≈" taken
    /// as a 5° band, the bureau's choice [unverified]), 45–80° early acceleration (yellow, 警示), 80–85° mid
    /// acceleration (orange, 警戒), ≥ 85° critical (red, 警报).
    public var angles = FixedThresholds(worse: .higher, blue: 45, yellow: 50, orange: 80, red: 85)

    public init() {}
}
