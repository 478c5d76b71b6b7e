import ArgumentParser
import Foundation
import MineRisk

/// Saving a warning run in the store: `warn --save [--db PATH] [--round ID]`.
struct WarnStoreOptions: ParsableArguments {
    @Flag(name: .long, help: "Save the run in the store: every pond's, item's and point's level, the warning log and the run's provenance.")
    var save = false

    @Option(name: .long, help: "The store to save to (default \(StoreFactory.defaultLocation)).")
    var db: String?

    @Option(name: .long, help: "The stored round the run belongs to (default: the data folder's round.yaml `round`).")
    var round: String?

    func validate() throws {
        if !save, db != nil || round != nil { throw ValidationError("--db and --round go with --save: the store and round to save the warning run to") }
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
