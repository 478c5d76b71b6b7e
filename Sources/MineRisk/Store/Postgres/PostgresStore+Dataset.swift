import Foundation

extension PostgresStore {
    /// Rebuilds a stored round as the `Dataset` its data folder gave, for the `Grader` (see `StoredRoundBuilder`).
    public func dataset(round id: String, models: ModelSet) throws -> Dataset {
        try read {
            try requireRound(id)
            let facilities = try session.rows("SELECT * FROM facilities WHERE round_id = $1 ORDER BY position", [id]).map { row in
                try Facility.stored(store: location, id: try row["id"], name: try row["name"], kind: try row["kind"], county: try row["county"],
                                    standardized: try row["standardized"], status: try row["status"], idleMonths: try row["idle_months"],
                                    position: try row["position"]) { field in
                    switch field.value {
                    case .number: return (try row[field.column] as Double?).map { .number($0) }
                    case .flag: return (try row[field.column] as Bool?).map { .flag($0) }
                    case .choice: return (try row[field.column] as String?).map { .choice($0) }
                    }
                }
            }
            let experts = try session.rows("SELECT * FROM experts WHERE round_id = $1 ORDER BY position, id", [id]).map {
                Expert(id: try $0["id"], name: try $0["name"], title: try $0["title"], weight: try $0["weight"])
            }
            var builder = StoredRoundBuilder(store: location, round: id, models: models, facilities: facilities, experts: experts)
            try session.forEachRawRow("""
                SELECT position, facility_id, expert_id, indicator_id, value FROM assessments WHERE round_id = $1 ORDER BY position
                """, [id], batch: 16384) { row in
                let (position, facility, expert, indicator, value) = try row.decode((Int64, String, String, String, Double).self)
                builder.add(position: Int(position), facility: facility, expert: expert, indicator: indicator, value: value)
            }
            let register = try registerInTransaction(round: id).map(\.finding)
            let hazards = !register.isEmpty ? register : try session.rows("SELECT * FROM hazards WHERE round_id = $1 ORDER BY position", [id]).map {
                HazardFinding(facilityID: try $0["facility_id"], code: try $0["code"], description: try $0["description"],
                              foundOn: try $0["found_on"], line: (try $0["position"] as Int) + 2)
            }
            let files = try session.rows("SELECT name, content FROM round_files WHERE round_id = $1 AND name NOT LIKE 'monitoring/%'", [id])
                .map { (name: try $0["name"] as String, content: [UInt8](try $0["content"] as Data)) }
            return try builder.finish(hazards: hazards, files: files)
        }
    }
}
