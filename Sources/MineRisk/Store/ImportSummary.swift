/// A point inside the import transaction where the caller's hook runs; a hook that throws rolls the import back.
public enum ImportCheckpoint: Sendable, Equatable {
    /// Half of the round's assessments are inserted, none is committed.
    case assessmentsHalfway(inserted: Int, total: Int)
}

/// What an import stored.
public struct ImportSummary: Sendable, Equatable, Codable {
    public var round: String
    public var store: String
    public var facilities: Int
    public var experts: Int
    public var assessments: Int
    public var hazards: Int
    public var coalMines: Int?
    public var accidentYears: Int?
    public var files: [String]
    /// True when an earlier import of the round was replaced (`--replace`).
    public var replaced: Bool
    /// Saved grade runs of the replaced round, removed with it: they graded the old data.
    public var removedGradeRuns: Int
    /// Points and readings of the round's monitoring folder, when it has one.
    public var monitoringPoints: Int? = nil
    public var readings: Int? = nil
}
