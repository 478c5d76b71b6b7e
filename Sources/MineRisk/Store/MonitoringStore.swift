/// A store that keeps the ponds' online monitoring in three parts apart (GB 51108-2015 §8.2): the raw readings of a
/// round, the results of warning runs (levels of ponds, items and points) and the warnings (start, peak, end).
///
/// Separate from `RoundStore`, as `HazardRegisterStore` is, so that a backend can be a round store first; the
/// commands ask the store they open for this and say so when it is not. Every operation is one transaction.
public protocol MonitoringStore: RoundStore {
    /// Imports a round and its monitoring folder in one transaction: the round as `importRound` does, then the
    /// points, every reading (checked as `minerisk warn` checks it, streamed from the file) and the folder's files
    /// archived byte for byte. A bad reading rolls the whole import back.
    func importRound(_ data: RoundData, monitoring: RoundMonitoring, id: String, source: String, replace: Bool,
                     checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary
    /// A stored round's monitoring, ready for `WarningEngine`: its ponds, points, thresholds and a source of its
    /// readings in the order they were imported (read while the engine runs: keep the store open); nil without any.
    func monitoringData(round: String) throws -> MonitoringData?
    /// How many points and readings a round's stored monitoring has (0 and 0 for a round without).
    func monitoringCounts(round: String) throws -> (points: Int, readings: Int)
    /// Saves a warning run of a stored round: each pond's, item's and point's level, the warning log and the run's
    /// provenance; the report's ponds must be ponds of the round. Returns the run's id.
    func saveWarningRun(_ report: WarningReport, round: String, provenance: WarningRunProvenance) throws -> Int64
    /// The saved warning runs of a round, oldest first.
    func warningRuns(round: String) throws -> [WarningRunInfo]
    /// A saved warning run read back: `run`, or the newest of `round` (or of the newest round that has one) when nil;
    /// only the rows of pond `facility` when given.
    func warningRun(round: String?, run: Int64?, facility: String?) throws -> StoredWarningRun
}

extension RoundStore {
    /// This store as a monitoring store, or a clear error naming what it lacks.
    public func monitoringStore() throws -> any MonitoringStore {
        guard let store = self as? any MonitoringStore else {
            throw MineRiskError.usage("\(location): this store keeps no monitoring readings or warning runs")
        }
        return store
    }
}
