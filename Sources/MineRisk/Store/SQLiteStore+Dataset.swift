import Foundation
import GRDB

extension SQLiteStore {
    /// The ids of the stored rounds, in natural order ("2016" before "2017").
    public func roundIDs() throws -> [String] {
        try read { db in try roundIDs(db) }
    }

    func roundIDs(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT id FROM rounds").sorted(by: RoundID.precedes)
    }

    /// Throws "no such round" (naming the rounds there are) unless the round is stored.
    func requireRound(_ id: String, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rounds WHERE id = ?)", arguments: [id]) == true else {
            let ids = try roundIDs(db)
            let have = ids.isEmpty ? "the store has no round yet" : "its rounds are \(ids.joined(separator: ", "))"
            throw MineRiskError.missingInput("\(path): round \(id) is not in the store; \(have)")
        }
    }

    /// Rebuilds a stored round as the `Dataset` its data folder gave, for the `Grader`.
    ///
    /// Rows come back in file order, so grading the stored round gives what grading the folder gave.
    /// The models must still have the indicators the round's assessments name.
    public func dataset(round id: String, models: ModelSet) throws -> Dataset {
        try read { db in
            try requireRound(id, db)
            let facilities = try Row.fetchAll(db, sql: "SELECT * FROM facilities WHERE round_id = ? ORDER BY position", arguments: [id])
                .map(facility(from:))
            let experts = try Row.fetchAll(db, sql: "SELECT * FROM experts WHERE round_id = ? ORDER BY position", arguments: [id]).map {
                Expert(id: $0["id"], name: $0["name"], title: $0["title"], weight: $0["weight"])
            }
            var builder = StoredRoundBuilder(store: path, round: id, models: models, facilities: facilities, experts: experts)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, facility_id, expert_id, indicator_id, value FROM assessments WHERE round_id = ? ORDER BY position
                """, arguments: [id])
            while let row = try rows.next() {
                builder.add(position: row["position"], facility: row["facility_id"], expert: row["expert_id"],
                            indicator: row["indicator_id"], value: row["value"])
            }
            let register = try register(round: id, db).map(\.finding)
            let hazards = !register.isEmpty ? register : try Row.fetchAll(db, sql: "SELECT * FROM hazards WHERE round_id = ? ORDER BY position", arguments: [id]).map {
                // Rows are stored in file order after the header, one line each.
                HazardFinding(facilityID: $0["facility_id"], code: $0["code"], description: $0["description"], foundOn: $0["found_on"],
                              line: ($0["position"] as Int) + 2)
            }
            let files = try Row.fetchAll(db, sql: "SELECT name, content FROM round_files WHERE round_id = ?", arguments: [id])
                .map { (name: $0["name"] as String, content: [UInt8]($0["content"] as Data)) }
            return try builder.finish(hazards: hazards, files: files)
        }
    }

    /// A facility from its stored row.
    private func facility(from row: Row) throws -> Facility {
        try Facility.stored(store: path, id: row["id"], name: row["name"], kind: row["kind"], county: row["county"],
                            standardized: row["standardized"], status: row["status"], idleMonths: row["idle_months"],
                            position: row["position"]) { field in
            switch field.value {
            case .number: return (row[field.column] as Double?).map { .number($0) }
            case .flag: return (row[field.column] as Bool?).map { .flag($0) }
            case .choice: return (row[field.column] as String?).map { .choice($0) }
            }
        }
    }
}
