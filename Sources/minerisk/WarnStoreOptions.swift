import ArgumentParser
import Foundation
import MineRisk

/// The store of `warn`: `--round ID` reads the round's monitoring from the store, `--save` keeps the run there.
struct WarnStoreOptions: ParsableArguments {
    @Flag(name: .long, help: "Save the run in the store: every pond's, item's and point's level, the warning log and the run's provenance.")
    var save = false

    @Option(name: .long, help: "The store (default \(StoreFactory.defaultHelp)).")
    var db: String?

    @Option(name: .long, help: "Read this stored round's monitoring instead of the --data folder's (and with --save, save to it; without --round, --save saves to the data folder's round.yaml `round`).")
    var round: String?

    func validate() throws {
        if !save, round == nil, db != nil { throw ValidationError("--db goes with --round or --save: the store to read the round from or to save the run to") }
        if let round {
            do { try RoundID.validate(round) } catch let error as MineRiskError { throw ValidationError(error.description) }
        }
    }

    /// The store's location.
    var location: String { db ?? StoreFactory.defaultLocation }

    /// The round to save to: --round, else round.yaml's `round`.
    func roundID(data folder: String) throws -> String {
        if let round { return round }
        let path = (folder as NSString).appendingPathComponent(RoundMetadata.fileName)
        if let text = FileManager.default.contents(atPath: path),
           let id = try RoundMetadata.parse(String(decoding: text, as: UTF8.self), file: path).round {
            return id
        }
        throw MineRiskError.usage("--save needs --round ID: \(path) names no round")
    }

    /// With --save, stores the report as a new warning run of the round and says so on standard error; checks
    /// the store and the round before, so that nothing is computed for a store that will refuse it.
    func saveIfAsked(_ report: WarningReport, data folder: String, provenance: WarningRunProvenance) throws {
        guard save else { return }
        let round = try roundID(data: folder)
        let store = try StoreFactory.open(location, access: .write)
        defer { try? store.close() }
        let run = try store.monitoringStore().saveWarningRun(report, round: round, provenance: provenance)
        FileHandle.standardError.write(Data("minerisk: saved warning run \(run) of round \(round) in \(location)\n".utf8))
    }

    /// A stored round's monitoring with --round, with the store it streams from (close it after the run); nil without.
    func storedMonitoring() throws -> (store: any RoundStore, data: MonitoringData)? {
        guard let round else { return nil }
        let store = try StoreFactory.open(location, access: .read)
        guard let data = try store.monitoringStore().monitoringData(round: round) else {
            try? store.close()
            throw MineRiskError.missingInput("\(location): round \(round) has no monitoring; import its data folder with its monitoring/ folder again (minerisk db import --round \(round) --replace)")
        }
        return (store, data)
    }

    /// Refuses, before any work, a --save whose store is not one or lacks the round.
    func checkBeforeRun(data folder: String) throws {
        guard save else { return }
        try StoreFactory.check(location)
        let round = try roundID(data: folder)
        let store = try StoreFactory.open(location, access: .read)
        defer { try? store.close() }
        guard try store.roundIDs().contains(round) else {
            throw MineRiskError.missingInput("\(location): round \(round) is not in the store; import it first: minerisk db import --round \(round) --db \(location)")
        }
    }
}

/// SHA-256 of a file's bytes as they are on disk.
func sha256(ofFile path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw MineRiskError.io("\(path): cannot be read") }
    return sha256Hex(data)
}
