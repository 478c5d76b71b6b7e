/// A warning raised by the register: an overdue major hidden danger on a pond or facility, red since its deadline.
public struct HazardWarning: Sendable, Codable, Equatable {
    public var facility: String
    public var name: String
    public var county: String
    /// The register id of the finding.
    public var hazard: String
    public var code: String
    /// `red`: an overdue major danger is a red warning (DOMAIN §10).
    public var level: String
    /// The deadline that passed (YYYY-MM-DD): overdue from the day after.
    public var since: String
    public var message: String
}
