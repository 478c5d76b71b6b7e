/// Whether a facility works now, or has stood idle.
public enum FacilityStatus: String, Codable, Sendable {
    case operating
    case idle
}

/// The state of a pond's flood-discharge structures (AQ 2006-2005 §8).
public enum FloodDischarge: String, Codable, Sendable, CaseIterable {
    case normal
    case partlyBlocked = "partly_blocked"
    case seriouslyBlocked = "seriously_blocked"
    case collapsed
}

/// What facilities.csv says of a tailings pond.
public struct PondData: Sendable, Hashable, Codable {
    /// Total storage in 10⁴ m³.
    public var storageVolume: Double
    /// Dam height in m.
    public var damHeight: Double
    public var onlineMonitoring: Bool
    public var slopeSafetyFactor: Double?
    public var requiredSafetyFactor: Double?
    public var freeboardOK: Bool?
    public var beachLengthOK: Bool?
    public var floodDischarge: FloodDischarge?
}

/// A mine or tailings pond, as one row of facilities.csv.
public struct Facility: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var kind: FacilityKind
    public var county: String
    public var standardized: Bool
    public var status: FacilityStatus
    public var idleMonths: Int
    public var pond: PondData?
    /// Coal mines: approved capacity in t/yr.
    public var capacityTpa: Double?
    /// The line of facilities.csv it was read from (0 when it did not come from a file).
    public var line: Int = 0
}

/// An expert of the panel, as one row of experts.csv.
public struct Expert: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var title: String
    /// Relative weight (positive); weights are renormalised over the experts who assessed an item.
    public var weight: Double
}

/// A row that was not used, and why (with `--skip-invalid`).
public struct RejectedRow: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var reason: String
}
