/// Whether a facility works now, or has stood idle.
public enum FacilityStatus: String, Codable, Sendable, CaseIterable {
    case operating
    case idle
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
    /// The fields only its kind has (`FacilityKind.profile.fields`), by column.
    public var values = FacilityValues()
    /// The line of facilities.csv it was read from (0 when it did not come from a file).
    public var line: Int = 0
}

extension Facility {
    /// A tailings pond's fields, typed (Model/Kinds/TailingsPondKind.swift); nil for another kind.
    public var pond: PondData? { values.pond }
    /// A coal mine's approved capacity in t/yr (Model/Kinds/CoalMineKind.swift).
    public var capacityTpa: Double? { values.capacityTpa }
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
