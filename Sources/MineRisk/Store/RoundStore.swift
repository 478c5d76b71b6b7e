/// The mine safety information database as the commands use it: rounds imported, listed, compared and
/// exported, grading and scenario runs saved and read back.
///
/// `SQLiteStore` (one SQLite file through GRDB) and `PostgresStore` (a PostgreSQL server through postgres-nio) are
/// its conformances, each one case of `StoreFactory`; no command knows which it has. Every operation is one
/// transaction: a reader sees one committed state, a write is all done or not at all.
public protocol RoundStore: AnyObject {
    /// The store as the user named it (`--db`): every message about it names it so.
    var location: String { get }

    /// Imports a validated round; refused when the round is stored unless `replace`, which also drops its runs.
    /// `checkpoint` is called at fixed points inside the transaction (the kill test's hook).
    func importRound(_ data: RoundData, id: String, source: String, replace: Bool,
                     checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary
    /// Imports one county's part of a round (`CountyImport`) beside the other counties' rows, creating the round when
    /// it is not stored; the county's rows already there are refused unless `replace`, which replaces only them.
    func importCounty(_ part: CountyImport, id: String, source: String, replace: Bool) throws -> ImportSummary
    /// Every stored round, in natural order, with its counts and newest saved run.
    func rounds() throws -> [RoundInfo]
    /// The ids of the stored rounds, in natural order ("2016" before "2017").
    func roundIDs() throws -> [String]
    /// A facility's record and saved grade in every round it is in.
    func history(facility id: String) throws -> FacilityHistory
    /// Two rounds' newest saved grades compared: grades up and down, new and closed facilities.
    func diff(from a: String, to b: String) throws -> RoundDiff
    /// Writes a round's files, byte for byte as imported, into `folder`.
    func exportRound(_ id: String, to folder: String) throws -> [ExportedFile]
    /// A stored round as the `Dataset` its data folder gave, for the `Grader`.
    func dataset(round id: String, models: ModelSet) throws -> Dataset
    /// Saves a grade report and its provenance as a new grading run of the round; returns the run's id.
    func saveGradeRun(_ report: GradeReport, round id: String, seed: UInt64?) throws -> Int64
    /// The saved grading runs of a round, oldest first.
    func gradeRuns(round id: String) throws -> [GradeRunInfo]
    /// Accidents and deaths by year: of one round, or of the newest round that has them.
    func accidents(round id: String?) throws -> [AccidentYear]
    /// A round's coal register.
    func coalMines(round id: String) throws -> [StoredCoalMine]
    /// Saves a scenario run (its definition and its result as JSON); returns the run's id.
    func saveScenarioRun(name: String, definition: String, resultJSON: String) throws -> Int64
    /// The saved scenario runs, all or those of one name, oldest first.
    func scenarioRuns(name: String?) throws -> [ScenarioRunRecord]
    /// Releases the store; it cannot be used afterwards.
    func close() throws
}

extension RoundStore {
    /// Imports a round without a checkpoint (refused when it is already stored, unless `replace`).
    @discardableResult
    public func importRound(_ data: RoundData, id: String, source: String, replace: Bool = false) throws -> ImportSummary {
        try importRound(data, id: id, source: source, replace: replace, checkpoint: nil)
    }

    /// Saves a grading run that used no random seed.
    @discardableResult
    public func saveGradeRun(_ report: GradeReport, round id: String) throws -> Int64 {
        try saveGradeRun(report, round: id, seed: nil)
    }

    /// Accidents and deaths by year, of the newest round that has them.
    public func accidents() throws -> [AccidentYear] { try accidents(round: nil) }

    /// Every saved scenario run, oldest first.
    public func scenarioRuns() throws -> [ScenarioRunRecord] { try scenarioRuns(name: nil) }
}

/// What the caller will do with a store: a reader never creates one, a writer creates one when there is none.
public enum StoreAccess: Sendable {
    case read
    case write
}
