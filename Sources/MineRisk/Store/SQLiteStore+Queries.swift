import Foundation
import GRDB

extension SQLiteStore {
    /// Every stored round, in natural order, with its counts and newest saved run.
    public func rounds() throws -> [RoundInfo] {
        try read { db in
            let warningRuns = try warningRunCounts(db)
            return try roundIDs(db).map { id in
                let row = try Row.fetchOne(db, sql: """
                    SELECT imported_at, source,
                        (SELECT count(*) FROM facilities WHERE round_id = ?1) AS facilities,
                        (SELECT count(*) FROM experts WHERE round_id = ?1) AS experts,
                        (SELECT count(*) FROM assessments WHERE round_id = ?1) AS assessments,
                        (SELECT count(*) FROM hazards WHERE round_id = ?1) AS hazards,
                        (SELECT count(*) FROM coal_mines WHERE round_id = ?1) AS coal_mines,
                        (SELECT count(*) FROM accidents WHERE round_id = ?1) AS accident_years,
                        (SELECT count(*) FROM grade_runs WHERE round_id = ?1) AS grade_runs
                    FROM rounds WHERE id = ?1
                    """, arguments: [id])!
                return RoundInfo(id: id, importedAt: row["imported_at"], source: row["source"], facilities: row["facilities"],
                                 experts: row["experts"], assessments: row["assessments"], hazards: row["hazards"],
                                 coalMines: row["coal_mines"], accidentYears: row["accident_years"],
                                 gradeRuns: row["grade_runs"], latestRun: try latestRun(id, db), warningRuns: warningRuns[id] ?? 0)
            }
        }
    }

    /// A facility's record and saved grade in every round it is in.
    public func history(facility id: String) throws -> FacilityHistory {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM facilities WHERE id = ?", arguments: [id])
            guard !rows.isEmpty else {
                let known = try String.fetchAll(db, sql: "SELECT DISTINCT id FROM facilities")
                let guess = known.min { editDistance($0, id) < editDistance($1, id) }.flatMap { editDistance($0, id) <= max(2, id.count / 3) ? $0 : nil }
                throw MineRiskError.missingInput("\(path): facility \(id) is in no stored round\(guess.map { "; did you mean \($0)?" } ?? "")")
            }
            let byRound = Dictionary(uniqueKeysWithValues: rows.map { ($0["round_id"] as String, $0) })
            var entries: [FacilityHistoryEntry] = []
            var absent: [String] = []
            for round in try roundIDs(db) {
                guard let row = byRound[round] else { absent.append(round); continue }
                let run = try latestRun(round, db)
                let kindText: String = row["kind"], statusText: String = row["status"]
                guard let kind = FacilityKind(rawValue: kindText), let status = FacilityStatus(rawValue: statusText) else {
                    throw MineRiskError.invalid(SourceLocation(file: path), "facility \(id) of round \(round) has kind \"\(kindText)\" and status \"\(statusText)\", which this minerisk does not know")
                }
                entries.append(FacilityHistoryEntry(
                    round: round, name: row["name"], kind: kind, county: row["county"],
                    status: status, standardized: row["standardized"], run: run?.id,
                    result: try run.flatMap { try results(ofRun: $0.id, db)[id] }))
            }
            return FacilityHistory(facility: id, entries: entries, absentFrom: absent)
        }
    }

    /// Compares the newest saved gradings of two rounds: grades up and down, new and closed facilities.
    public func diff(from a: String, to b: String) throws -> RoundDiff {
        try read { db in
            try requireRound(a, db)
            try requireRound(b, db)
            func side(_ round: String) throws -> RoundDiff.Side {
                guard let run = try latestRun(round, db) else {
                    throw MineRiskError.missingInput("\(path): round \(round) has no saved grades; grade it first: minerisk grade --db \(path) --round \(round) --save")
                }
                let grades = try results(ofRun: run.id, db)
                let facilities = try Row.fetchAll(db, sql: "SELECT id, name, kind, county FROM facilities WHERE round_id = ? ORDER BY position", arguments: [round])
                    .map { RoundDiff.Member(id: $0["id"], name: $0["name"], kind: $0["kind"], county: $0["county"], result: grades[$0["id"]]) }
                return RoundDiff.Side(round: round, run: run, facilities: facilities)
            }
            return RoundDiff(from: try side(a), to: try side(b))
        }
    }

    /// The yearly accidents and deaths of a round (by default the newest round that has them), by year.
    public func accidents(round id: String?) throws -> [AccidentYear] {
        try read { db in
            let round: String
            if let id {
                try requireRound(id, db)
                round = id
            } else {
                let withData = Set(try String.fetchAll(db, sql: "SELECT DISTINCT round_id FROM accidents"))
                guard let newest = try roundIDs(db).last(where: withData.contains) else { return [] }
                round = newest
            }
            return try Row.fetchAll(db, sql: "SELECT year, accidents, deaths FROM accidents WHERE round_id = ? ORDER BY year", arguments: [round])
                .map { AccidentYear(year: $0["year"], accidents: $0["accidents"], deaths: $0["deaths"]) }
        }
    }

    /// The coal register of a round, in register order; empty when the round has none.
    public func coalMines(round id: String) throws -> [StoredCoalMine] {
        try read { db in
            try requireRound(id, db)
            return try Row.fetchAll(db, sql: "SELECT * FROM coal_mines WHERE round_id = ? ORDER BY position", arguments: [id]).map {
                StoredCoalMine(id: $0["id"], name: $0["name"], county: $0["county"], capacityTpa: $0["capacity_tpa"],
                               status: $0["status"], closedYear: $0["closed_year"], reason: $0["reason"])
            }
        }
    }
}
