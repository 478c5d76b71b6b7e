extension FacilityKindProfile {
    /// A tailings pond: its storage, dam height, monitoring and the conditions of its safety degree, from which it
    /// is classed and its monitoring duty and safety degree assessed.
    public static let tailingsPond = FacilityKindProfile(
        name: BilingualName(zh: "尾矿库", en: "Tailings pond"),
        fields: [
            FacilityField("storage_volume_10k_m3", .number, needs: "its total storage (10⁴ m³)"),
            FacilityField("dam_height_m", .number, needs: "its dam height (m)"),
            FacilityField("online_monitoring", .flag, needs: "yes or no"),
            FacilityField("slope_safety_factor", .number),
            FacilityField("required_safety_factor", .number),
            FacilityField("freeboard_ok", .flag),
            FacilityField("beach_length_ok", .flag),
            FacilityField("flood_discharge", .choice(FloodDischarge.allCases.map(\.rawValue))),
        ],
        rules: [.pondClassAndSafetyDegree])
}

/// The state of a pond's flood-discharge structures (AQ 2006-2005 §8).
public enum FloodDischarge: String, Codable, Sendable, CaseIterable {
    case normal
    case partlyBlocked = "partly_blocked"
    case seriouslyBlocked = "seriously_blocked"
    case collapsed
}

/// What facilities.csv says of a tailings pond, typed.
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

    public init(storageVolume: Double, damHeight: Double, onlineMonitoring: Bool, slopeSafetyFactor: Double? = nil,
                requiredSafetyFactor: Double? = nil, freeboardOK: Bool? = nil, beachLengthOK: Bool? = nil,
                floodDischarge: FloodDischarge? = nil) {
        self.storageVolume = storageVolume
        self.damHeight = damHeight
        self.onlineMonitoring = onlineMonitoring
        self.slopeSafetyFactor = slopeSafetyFactor
        self.requiredSafetyFactor = requiredSafetyFactor
        self.freeboardOK = freeboardOK
        self.beachLengthOK = beachLengthOK
        self.floodDischarge = floodDischarge
    }

    /// The pond's data from its fields; nil unless storage, dam height and monitoring are all given.
    public init?(_ values: FacilityValues) {
        guard let storage = values.number("storage_volume_10k_m3"), let height = values.number("dam_height_m"),
              let monitoring = values.flag("online_monitoring") else { return nil }
        self.init(storageVolume: storage, damHeight: height, onlineMonitoring: monitoring,
                  slopeSafetyFactor: values.number("slope_safety_factor"), requiredSafetyFactor: values.number("required_safety_factor"),
                  freeboardOK: values.flag("freeboard_ok"), beachLengthOK: values.flag("beach_length_ok"),
                  floodDischarge: values.choice("flood_discharge").flatMap(FloodDischarge.init(rawValue:)))
    }
}

extension FacilityValues {
    /// A tailings pond's fields, typed; nil for another kind.
    public var pond: PondData? { PondData(self) }
}
