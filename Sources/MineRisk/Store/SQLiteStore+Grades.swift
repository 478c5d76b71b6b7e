import Foundation
import GRDB

extension SQLiteStore {
    /// Saves a grading of a stored round with its provenance, in one transaction; returns the run's id.
    ///
    /// The report must grade exactly the round's facilities (grade it from `dataset(round:models:)`).
    @discardableResult
    public func saveGradeRun(_ report: GradeReport, round id: String, seed: UInt64?) throws -> Int64 {
        try write { db in
            try requireRound(id, db)
            try report.checkGrades(Set(try String.fetchAll(db, sql: "SELECT id FROM facilities WHERE round_id = ?", arguments: [id])),
                                   round: id, store: path)
            let p = report.provenance
            let options = report.runOptions
            try db.execute(sql: """
                INSERT INTO grade_runs (round_id, created_at, engine, models_json, ri_table, options_json, seed, provenance_json, summary_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, storeTimestamp(), p.engine, try jsonText(p.models), p.riTable.rawValue,
                                 try jsonText(options), seed.map { String($0) }, try jsonText(p), try jsonText(report.summary)])
            let run = db.lastInsertedRowID
            let statement = try db.makeStatement(sql: """
                INSERT INTO grade_results (run_id, facility_id, position, status, grade, score, membership_json, vetoes_json,
                    missing_json, findings_json, tailings_class, safety_degree, inspection_priority, experts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, r) in report.facilities.enumerated() {
                try statement.execute(arguments: [
                    run, r.id, position, r.status.rawValue, r.grade?.rawValue, r.score, try r.membership.map(jsonText),
                    try jsonText(r.vetoes.map(\.code)), try jsonText(r.missing), try jsonText(r.findings), r.tailingsClass,
                    r.safetyDegree?.rawValue, r.inspectionPriority, r.experts,
                ])
            }
            return run
        }
    }

    /// The saved runs of a round, newest last.
    public func gradeRuns(round id: String) throws -> [GradeRunInfo] {
        try read { db in
            try requireRound(id, db)
            return try Row.fetchAll(db, sql: "SELECT * FROM grade_runs WHERE round_id = ? ORDER BY id", arguments: [id])
                .map { try runInfo($0, db) }
        }
    }

    /// The newest saved run of a round, or nil when it has none.
    func latestRun(_ id: String, _ db: Database) throws -> GradeRunInfo? {
        try Row.fetchOne(db, sql: "SELECT * FROM grade_runs WHERE round_id = ? ORDER BY id DESC LIMIT 1", arguments: [id])
            .map { try runInfo($0, db) }
    }

    /// The results of a run, by facility id.
    func results(ofRun run: Int64, _ db: Database) throws -> [String: StoredGrade] {
        var results: [String: StoredGrade] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT facility_id, status, grade, score, vetoes_json FROM grade_results WHERE run_id = ?", arguments: [run]) {
            let status: String = row["status"], grade: String? = row["grade"]
            results[row["facility_id"]] = StoredGrade(
                status: GradingStatus(rawValue: status) ?? .incomplete, grade: grade.flatMap(RiskGrade.init(rawValue:)),
                score: row["score"], vetoes: try fromJSONText([String].self, row["vetoes_json"]))
        }
        return results
    }

    private func runInfo(_ row: Row, _ db: Database) throws -> GradeRunInfo {
        let id: Int64 = row["id"]
        var byGrade = Dictionary(uniqueKeysWithValues: RiskGrade.allCases.map { ($0.rawValue, 0) })
        var incomplete = 0
        for count in try Row.fetchAll(db, sql: "SELECT grade, count(*) AS n FROM grade_results WHERE run_id = ? GROUP BY grade", arguments: [id]) {
            if let grade: String = count["grade"] { byGrade[grade] = count["n"] } else { incomplete = count["n"] }
        }
        return GradeRunInfo(id: id, round: row["round_id"], createdAt: row["created_at"], engine: row["engine"],
                            models: try fromJSONText([ModelProvenance].self, row["models_json"]),
                            options: try fromJSONText(RunOptions.self, row["options_json"]), seed: row["seed"],
                            byGrade: byGrade, incomplete: incomplete)
    }
}
