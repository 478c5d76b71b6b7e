import Foundation

extension PostgresStore {
    /// Every stored round, in natural order, with its counts and newest saved run.
    public func rounds() throws -> [RoundInfo] {
        try read {
            let warningRuns = Dictionary(uniqueKeysWithValues: try session.rows("SELECT round_id, count(*) AS n FROM warning_runs GROUP BY round_id")
                .map { (try $0["round_id"] as String, try $0["n"] as Int) })
            return try roundIDsInTransaction().map { id in
                guard let row = try session.row("""
                    SELECT imported_at, source,
                        (SELECT count(*) FROM facilities WHERE round_id = $1) AS facilities,
                        (SELECT count(*) FROM experts WHERE round_id = $1) AS experts,
                        (SELECT count(*) FROM assessments WHERE round_id = $1) AS assessments,
                        (SELECT count(*) FROM hazards WHERE round_id = $1) AS hazards,
                        (SELECT count(*) FROM coal_mines WHERE round_id = $1) AS coal_mines,
                        (SELECT count(*) FROM accidents WHERE round_id = $1) AS accident_years,
                        (SELECT count(*) FROM grade_runs WHERE round_id = $1) AS grade_runs
                    FROM rounds WHERE id = $1
                    """, [id]) else { throw MineRiskError.io("\(location): round \(id) vanished while it was being read") }
                return RoundInfo(id: id, importedAt: try row["imported_at"], source: try row["source"], facilities: try row["facilities"],
                                 experts: try row["experts"], assessments: try row["assessments"], hazards: try row["hazards"],
                                 coalMines: try row["coal_mines"], accidentYears: try row["accident_years"],
                                 gradeRuns: try row["grade_runs"], latestRun: try latestRun(id), warningRuns: warningRuns[id] ?? 0)
            }
        }
    }

    /// A facility's record and saved grade in every round it is in.
    public func history(facility id: String) throws -> FacilityHistory {
        try read {
            let rows = try session.rows("SELECT round_id, name, kind, county, status, standardized FROM facilities WHERE id = $1", [id])
            guard !rows.isEmpty else {
                let known = try session.values(String.self, "SELECT DISTINCT id FROM facilities")
                let guess = known.min { editDistance($0, id) < editDistance($1, id) }.flatMap { editDistance($0, id) <= max(2, id.count / 3) ? $0 : nil }
                throw MineRiskError.missingInput("\(location): facility \(id) is in no stored round\(guess.map { "; did you mean \($0)?" } ?? "")")
            }
            let byRound = Dictionary(uniqueKeysWithValues: try rows.map { (try $0["round_id"] as String, $0) })
            var entries: [FacilityHistoryEntry] = []
            var absent: [String] = []
            for round in try roundIDsInTransaction() {
                guard let row = byRound[round] else { absent.append(round); continue }
                let run = try latestRun(round)
                let kindText: String = try row["kind"], statusText: String = try row["status"]
                guard let kind = FacilityKind(rawValue: kindText), let status = FacilityStatus(rawValue: statusText) else {
                    throw MineRiskError.invalid(SourceLocation(file: location), "facility \(id) of round \(round) has kind \"\(kindText)\" and status \"\(statusText)\", which this minerisk does not know")
                }
                entries.append(FacilityHistoryEntry(
                    round: round, name: try row["name"], kind: kind, county: try row["county"],
                    status: status, standardized: try row["standardized"], run: run?.id,
                    result: try run.flatMap { try results(ofRun: $0.id)[id] }))
            }
            return FacilityHistory(facility: id, entries: entries, absentFrom: absent)
        }
    }

    /// Compares the newest saved gradings of two rounds: grades up and down, new and closed facilities.
    public func diff(from a: String, to b: String) throws -> RoundDiff {
        try read {
            try requireRound(a)
            try requireRound(b)
            func side(_ round: String) throws -> RoundDiff.Side {
                guard let run = try latestRun(round) else {
                    throw MineRiskError.missingInput("\(location): round \(round) has no saved grades; grade it first: minerisk grade --db \(location) --round \(round) --save")
                }
                let grades = try results(ofRun: run.id)
                let facilities = try session.rows("SELECT id, name, kind, county FROM facilities WHERE round_id = $1 ORDER BY position", [round]).map {
                    let id: String = try $0["id"]
                    return RoundDiff.Member(id: id, name: try $0["name"], kind: try $0["kind"], county: try $0["county"], result: grades[id])
                }
                return RoundDiff.Side(round: round, run: run, facilities: facilities)
            }
            return RoundDiff(from: try side(a), to: try side(b))
        }
    }

    /// The yearly accidents and deaths of a round (by default the newest round that has them), by year.
    public func accidents(round id: String?) throws -> [AccidentYear] {
        try read {
            let round: String
            if let id {
                try requireRound(id)
                round = id
            } else {
                let withData = Set(try session.values(String.self, "SELECT DISTINCT round_id FROM accidents"))
                guard let newest = try roundIDsInTransaction().last(where: withData.contains) else { return [] }
                round = newest
            }
            return try session.rows("SELECT year, accidents, deaths FROM accidents WHERE round_id = $1 ORDER BY year", [round])
                .map { AccidentYear(year: try $0["year"], accidents: try $0["accidents"], deaths: try $0["deaths"]) }
        }
    }

    /// The coal register of a round, in register order; empty when the round has none.
    public func coalMines(round id: String) throws -> [StoredCoalMine] {
        try read {
            try requireRound(id)
            return try session.rows("SELECT * FROM coal_mines WHERE round_id = $1 ORDER BY position", [id]).map {
                StoredCoalMine(id: try $0["id"], name: try $0["name"], county: try $0["county"], capacityTpa: try $0["capacity_tpa"],
                               status: try $0["status"], closedYear: try $0["closed_year"], reason: try $0["reason"])
            }
        }
    }

    /// Writes a round's data folder back out: every file exactly as it was imported, checked against its SHA-256.
    public func exportRound(_ id: String, to folder: String) throws -> [ExportedFile] {
        let files = try read { () -> [ArchivedFile] in
            try requireRound(id)
            return try session.rows("SELECT name, sha256, content FROM round_files WHERE round_id = $1 ORDER BY name", [id]).map {
                let content: Data = try $0["content"], expected: String = try $0["sha256"]
                let file = ArchivedFile(name: try $0["name"], content: [UInt8](content))
                guard file.sha256 == expected else {
                    throw MineRiskError.invalid(SourceLocation(file: location),
                                                "round \(id): the archived \(file.name) no longer matches its SHA-256 \(expected); the store is damaged, nothing was exported")
                }
                return file
            }
        }
        return try RoundFolderWriter.write(files, to: folder)
    }
}
