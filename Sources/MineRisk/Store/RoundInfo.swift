/// A stored round and what it holds.
public struct RoundInfo: Sendable, Equatable, Codable {
    public var id: String
    public var importedAt: String
    public var source: String
    public var facilities: Int
    public var experts: Int
    public var assessments: Int
    public var hazards: Int
    public var coalMines: Int
    public var accidentYears: Int
    public var gradeRuns: Int
    /// The newest saved grading of the round.
    public var latestRun: GradeRunInfo?
    /// Saved warning runs of the round's monitoring (`warn --save`).
    public var warningRuns: Int = 0
}
