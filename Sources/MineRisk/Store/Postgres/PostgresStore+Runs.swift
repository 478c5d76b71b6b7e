import Foundation

extension PostgresStore {
    /// Saves a grading of a stored round with its provenance, in one transaction; returns the run's id.
    ///
    /// The report must grade exactly the round's facilities; a round a county import changed meanwhile is a conflict.
    @discardableResult
    public func saveGradeRun(_ report: GradeReport, round id: String, seed: UInt64?) throws -> Int64 {
        try write {
            try requireRound(id)
            try report.checkGrades(Set(try session.values(String.self, "SELECT id FROM facilities WHERE round_id = $1", [id])),
                                   round: id, store: location)
            let p = report.provenance
            let options = report.runOptions
            guard let run = try session.value(Int64.self, """
                INSERT INTO grade_runs (round_id, created_at, engine, models_json, ri_table, options_json, seed, provenance_json, summary_json)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
                """, [id, storeTimestamp(), p.engine, try jsonText(p.models), p.riTable.rawValue,
                      try jsonText(options), seed.map { String($0) }, try jsonText(p), try jsonText(report.summary)]) else {
                throw MineRiskError.io("\(location): the grade run was not given an id")
            }
            let results = try report.facilities.map { r in
                (r, try r.membership.map(jsonText), try jsonText(r.vetoes.map(\.code)), try jsonText(r.missing), try jsonText(r.findings))
            }
            try copy(into: "grade_results", columns: ["run_id", "facility_id", "position", "status", "grade", "score", "membership_json",
                                                      "vetoes_json", "missing_json", "findings_json", "tailings_class", "safety_degree",
                                                      "inspection_priority", "experts"]) { rows in
                for (position, (r, membership, vetoes, missing, findings)) in results.enumerated() {
                    rows.int(run); rows.text(r.id); rows.int(position); rows.text(r.status.rawValue); rows.text(r.grade?.rawValue)
                    rows.double(r.score); rows.text(membership); rows.text(vetoes); rows.text(missing); rows.text(findings)
                    rows.int(r.tailingsClass); rows.text(r.safetyDegree?.rawValue); rows.int(r.inspectionPriority); rows.int(r.experts)
                    try rows.end()
                }
            }
            return run
        }
    }

    /// The saved runs of a round, newest last.
    public func gradeRuns(round id: String) throws -> [GradeRunInfo] {
        try read {
            try requireRound(id)
            return try session.rows("SELECT * FROM grade_runs WHERE round_id = $1 ORDER BY id", [id]).map { try runInfo($0) }
        }
    }

    /// The newest saved run of a round, or nil when it has none.
    func latestRun(_ id: String) throws -> GradeRunInfo? {
        try session.row("SELECT * FROM grade_runs WHERE round_id = $1 ORDER BY id DESC LIMIT 1", [id]).map { try runInfo($0) }
    }

    /// The results of a run, by facility id.
    func results(ofRun run: Int64) throws -> [String: StoredGrade] {
        var results: [String: StoredGrade] = [:]
        for row in try session.rows("SELECT facility_id, status, grade, score, vetoes_json FROM grade_results WHERE run_id = $1", [run]) {
            let status: String = try row["status"], grade: String? = try row["grade"]
            results[try row["facility_id"]] = StoredGrade(
                status: GradingStatus(rawValue: status) ?? .incomplete, grade: grade.flatMap(RiskGrade.init(rawValue:)),
                score: try row["score"], vetoes: try fromJSONText([String].self, try row["vetoes_json"]))
        }
        return results
    }

    private func runInfo(_ row: PostgresStoreRow) throws -> GradeRunInfo {
        let id: Int64 = try row["id"]
        var byGrade = Dictionary(uniqueKeysWithValues: RiskGrade.allCases.map { ($0.rawValue, 0) })
        var incomplete = 0
        for count in try session.rows("SELECT grade, count(*) AS n FROM grade_results WHERE run_id = $1 GROUP BY grade", [id]) {
            if let grade: String = try count["grade"] { byGrade[grade] = try count["n"] } else { incomplete = try count["n"] }
        }
        return GradeRunInfo(id: id, round: try row["round_id"], createdAt: try row["created_at"], engine: try row["engine"],
                            models: try fromJSONText([ModelProvenance].self, try row["models_json"]),
                            options: try fromJSONText(RunOptions.self, try row["options_json"]), seed: try row["seed"],
                            byGrade: byGrade, incomplete: incomplete)
    }

    /// Saves a scenario run in one transaction; returns its id.
    @discardableResult
    public func saveScenarioRun(name: String, definition: String, resultJSON: String) throws -> Int64 {
        try ScenarioRunRecord.checkSavable(name: name, resultJSON: resultJSON)
        return try write {
            guard let id = try session.value(Int64.self, """
                INSERT INTO scenario_runs (name, definition, result_json, created_at, engine) VALUES ($1, $2, $3, $4, $5) RETURNING id
                """, [name, definition, resultJSON, storeTimestamp(), engineVersion]) else {
                throw MineRiskError.io("\(location): the scenario run was not given an id")
            }
            return id
        }
    }

    /// Saved scenario runs, oldest first; only those of one name when `name` is given; the result as it was saved.
    public func scenarioRuns(name: String?) throws -> [ScenarioRunRecord] {
        try read {
            try session.rows("SELECT id, name, definition, result_json AS result, created_at, engine FROM scenario_runs WHERE $1::text IS NULL OR name = $1 ORDER BY id", [name]).map {
                ScenarioRunRecord(id: try $0["id"], name: try $0["name"], definition: try $0["definition"], resultJSON: try $0["result"],
                                  createdAt: try $0["created_at"], engine: try $0["engine"])
            }
        }
    }
}
