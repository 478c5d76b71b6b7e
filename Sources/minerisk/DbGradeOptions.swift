import ArgumentParser
import Foundation
import MineRisk

/// Grading a round of the store instead of a data folder: `grade --db PATH --round ID [--save]`.
struct GradeStoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store to read the round from (default \(StoreFactory.defaultHelp) when --round is given).")
    var db: String?

    @Option(name: .long, help: "Grade this round of the store (e.g. 2017) instead of the --data folder.")
    var round: String?

    @Flag(name: .long, help: "Save the results and their provenance in the store, as a new grading run of the round.")
    var save = false

    func validate() throws {
        guard let round else {
            if db != nil { throw ValidationError("--db needs --round ID: the round of the store to grade") }
            if save { throw ValidationError("--save needs --round ID: the round of the store to save the grades to") }
            return
        }
        do { try RoundID.validate(round) } catch let error as MineRiskError { throw ValidationError(error.description) }
    }

    /// The store's path.
    var path: String { db ?? StoreFactory.defaultLocation }

    /// The dataset to grade: the stored round with --round, else the --data folder.
    func loadData(models: ModelSet, lists: Background<HazardCatalog?>? = nil, dataOptions: DataOptions) throws -> Dataset {
        guard let round else { return try dataOptions.loadData(models: models, lists: lists) }
        guard !dataOptions.skipInvalid else {
            throw MineRiskError.usage("--skip-invalid does not apply to --round: a stored round was fully validated when it was imported")
        }
        let store = try StoreFactory.open(path, access: save ? .write : .read)
        defer { try? store.close() }
        return try store.dataset(round: round, models: models)
    }

    /// With --save, stores the report as a new run of the round and says so on standard error.
    func saveIfAsked(_ report: GradeReport) throws {
        guard save, let round else { return }
        let store = try StoreFactory.open(path, access: .write)
        defer { try? store.close() }
        let run = try store.saveGradeRun(report, round: round)
        FileHandle.standardError.write(Data("minerisk: saved grading run \(run) of round \(round) in \(path)\n".utf8))
    }
}
