import Foundation
import GRDB

/// A saved run of a coal-closure scenario.
public struct ScenarioRunRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    /// The scenario as given: its YAML, or the command-line flags that defined it.
    public var definition: String
    /// The scenario's result, as JSON.
    public var resultJSON: String
    public var createdAt: String
    public var engine: String
}

extension ScenarioRunRecord {
    /// Refuses a run without a name, or whose result is not JSON, before any store is written.
    static func checkSavable(name: String, resultJSON: String) throws {
        guard !name.isEmpty else { throw MineRiskError.usage("a saved scenario run needs a name") }
        guard (try? JSONSerialization.jsonObject(with: Data(resultJSON.utf8), options: [.fragmentsAllowed])) != nil else {
            throw MineRiskError.usage("scenario \(name): the result to save is not JSON")
        }
    }
}

extension SQLiteStore {
    /// Saves a scenario run in one transaction; returns its id.
    ///
    /// - Parameters:
    ///   - name: the scenario's name.
    ///   - definition: the YAML text or flags that defined it, kept verbatim.
    ///   - resultJSON: the result as JSON text; anything that is not JSON is refused.
    @discardableResult
    public func saveScenarioRun(name: String, definition: String, resultJSON: String) throws -> Int64 {
        try ScenarioRunRecord.checkSavable(name: name, resultJSON: resultJSON)
        return try write { db in
            try db.execute(sql: "INSERT INTO scenario_runs (name, definition, result_json, created_at, engine) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, definition, resultJSON, storeTimestamp(), engineVersion])
            return db.lastInsertedRowID
        }
    }

    /// Saved scenario runs, oldest first; only those of one name when `name` is given.
    public func scenarioRuns(name: String?) throws -> [ScenarioRunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scenario_runs WHERE ?1 IS NULL OR name = ?1 ORDER BY id", arguments: [name]).map {
                ScenarioRunRecord(id: $0["id"], name: $0["name"], definition: $0["definition"], resultJSON: $0["result_json"],
                                  createdAt: $0["created_at"], engine: $0["engine"])
            }
        }
    }
}
