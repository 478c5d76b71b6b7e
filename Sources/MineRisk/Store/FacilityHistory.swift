/// One round of a facility's history: what it was and how it was graded.
public struct FacilityHistoryEntry: Sendable, Equatable, Codable {
    public var round: String
    public var name: String
    public var kind: FacilityKind
    public var county: String
    public var status: FacilityStatus
    public var standardized: Bool
    /// The newest saved run of the round, and the facility's result in it; nil when the round has no saved grades.
    public var run: Int64?
    public var result: StoredGrade?
}

/// A facility across the stored rounds.
public struct FacilityHistory: Sendable, Equatable, Codable {
    public var facility: String
    public var entries: [FacilityHistoryEntry]
    /// Rounds the facility is not in (before it opened, or after it closed).
    public var absentFrom: [String]
}
