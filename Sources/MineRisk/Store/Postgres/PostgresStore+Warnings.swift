import Foundation

extension PostgresStore {
    /// Saves a warning run of a stored round in one transaction: the run with its provenance, then the levels
    /// (GB 51108-2015 §8.2: the results) and the warning log (the warnings), each in its own table.
    @discardableResult
    public func saveWarningRun(_ report: WarningReport, round id: String, provenance: WarningRunProvenance) throws -> Int64 {
        try write {
            try requireRound(id)
            let ponds = Set(try session.values(String.self, "SELECT id FROM facilities WHERE round_id = $1 AND kind = $2",
                                               [id, FacilityKind.tailingsPond.rawValue]))
            let unknown = report.ponds.map(\.id).filter { !ponds.contains($0) }
            guard unknown.isEmpty else {
                throw MineRiskError.usage("the warning run does not match round \(id) of \(location): \(unknown.prefix(5).joined(separator: ", ")) \(unknown.count == 1 ? "is not a tailings pond" : "are not tailings ponds") of the round")
            }
            let p = report.provenance
            guard let run = try session.value(Int64.self, """
                INSERT INTO warning_runs (round_id, created_at, engine, as_of, window_from, window_to, source, thresholds_file,
                    thresholds_sha256, readings_file, readings, readings_used, persistence, provenance_json, summary_json)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id
                """, [id, storeTimestamp(), engineVersion, report.asOf, provenance.from, provenance.to, provenance.source,
                      provenance.thresholdsFile, provenance.thresholdsSHA256, p.readingsFile, p.readings, p.readingsUsed,
                      p.persistence, try jsonText(p), try jsonText(report.summary)]) else {
                throw MineRiskError.io("\(location): the warning run was not given an id")
            }
            try copy(into: "warning_levels", columns: ["run_id", "position", "scope", "facility_id", "item", "point_id", "level", "value",
                                                       "basis", "threshold", "time", "status", "thresholds", "source", "pond_class",
                                                       "monitoring_required", "findings_json"]) { rows in
                var position = 0
                func start(_ scope: WarningScope, _ pond: String, _ item: String?, _ point: String?, _ level: WarningLevel) {
                    rows.int(run); rows.int(position); rows.text(scope.rawValue); rows.text(pond); rows.text(item); rows.text(point)
                    rows.text(level.name)
                    position += 1
                }
                for pond in report.ponds {
                    start(.pond, pond.id, nil, nil, pond.level)
                    for _ in 0..<7 { rows.text(nil) }
                    rows.int(pond.pondClass); rows.bool(pond.monitoringRequired); rows.text(try jsonText(pond.findings))
                    try rows.end()
                    for item in pond.items {
                        start(.item, pond.id, item.item.rawValue, nil, item.level)
                        for _ in 0..<10 { rows.text(nil) }
                        try rows.end()
                        for point in item.points {
                            start(.point, pond.id, item.item.rawValue, point.id, point.level)
                            rows.double(point.value); rows.text(point.basis); rows.double(point.threshold); rows.text(point.time)
                            rows.text(point.status); rows.text(point.thresholds); rows.text(point.source)
                            for _ in 0..<3 { rows.text(nil) }
                            try rows.end()
                        }
                    }
                }
            }
            for (position, w) in report.warnings.enumerated() {
                try session.execute("""
                    INSERT INTO warning_log (run_id, position, facility_id, item, level, start_at, peak_at, end_at, peak_point, peak_value, peak_threshold)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    """, [run, position, w.pond, w.item.rawValue, w.level.name, w.start, w.peak, w.end, w.peakPoint, w.peakValue, w.peakThreshold])
            }
            return run
        }
    }

    /// The saved warning runs of a round, oldest first.
    public func warningRuns(round id: String) throws -> [WarningRunInfo] {
        try read {
            try requireRound(id)
            return try session.rows("SELECT * FROM warning_runs WHERE round_id = $1 ORDER BY id", [id]).map { try warningRunInfo($0) }
        }
    }

    /// A saved warning run with its levels and log, all of it or one pond's.
    public func warningRun(round: String?, run: Int64?, facility: String?) throws -> StoredWarningRun {
        try read {
            let info = try warningRunInfo(try findWarningRun(round: round, run: run))
            var filter = "run_id = $1"
            var arguments: [(any PostgresBindable)?] = [info.id]
            if let facility {
                filter += " AND facility_id = $2"
                arguments.append(facility)
                guard try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM warning_levels WHERE \(filter))", arguments) == true else {
                    let ponds = try session.values(String.self, "SELECT facility_id FROM warning_levels WHERE run_id = $1 AND scope = 'pond'", [info.id])
                    let guess = ponds.min { editDistance($0, facility) < editDistance($1, facility) }
                    throw MineRiskError.missingInput("\(location): pond \(facility) is not in warning run \(info.id) of round \(info.round)\(guess.map { "; did you mean \($0)?" } ?? "")")
                }
            }
            let levels = try session.rows("SELECT * FROM warning_levels WHERE \(filter) ORDER BY position", arguments).map { row in
                try StoredWarningLevel.stored(
                    store: location, scope: try row["scope"], pond: try row["facility_id"], item: try row["item"], point: try row["point_id"],
                    level: try row["level"], value: try row["value"], basis: try row["basis"], threshold: try row["threshold"],
                    time: try row["time"], status: try row["status"], thresholds: try row["thresholds"], source: try row["source"],
                    pondClass: try row["pond_class"], monitoringRequired: try row["monitoring_required"], findings: try row["findings_json"])
            }
            let log = try session.rows("SELECT * FROM warning_log WHERE \(filter) ORDER BY position", arguments).map { row in
                try WarningSpan.stored(store: location, pond: try row["facility_id"], item: try row["item"], level: try row["level"],
                                       start: try row["start_at"], end: try row["end_at"], peak: try row["peak_at"], peakPoint: try row["peak_point"],
                                       peakValue: try row["peak_value"], peakThreshold: try row["peak_threshold"])
            }
            return StoredWarningRun(run: info, facility: facility, levels: levels, warnings: log)
        }
    }

    /// The run asked for: by id (in `round` when given), else the newest of `round`, else the newest of the newest
    /// round that has one.
    private func findWarningRun(round: String?, run: Int64?) throws -> PostgresStoreRow {
        if let round { try requireRound(round) }
        if let run {
            guard let row = try session.row("SELECT * FROM warning_runs WHERE id = $1", [run]),
                  try round == nil || row["round_id"] == round else {
                throw MineRiskError.missingInput("\(location): no warning run \(run)\(round.map { " in round \($0)" } ?? ""); list them with minerisk db rounds")
            }
            return row
        }
        let withRuns = Set(try session.values(String.self, "SELECT DISTINCT round_id FROM warning_runs"))
        let newest = try roundIDsInTransaction().last(where: withRuns.contains)
        guard let target = round ?? newest,
              let row = try session.row("SELECT * FROM warning_runs WHERE round_id = $1 ORDER BY id DESC LIMIT 1", [target]) else {
            let which = round.map { "round \($0) has" } ?? "the store has"
            throw MineRiskError.missingInput("\(location): \(which) no saved warning run; save one with minerisk warn --save --round ID --db \(location)")
        }
        return row
    }

    private func warningRunInfo(_ row: PostgresStoreRow) throws -> WarningRunInfo {
        let id: Int64 = try row["id"]
        let warnings = try session.value(Int.self, "SELECT count(*) FROM warning_log WHERE run_id = $1", [id]) ?? 0
        return WarningRunInfo(
            id: id, round: try row["round_id"], createdAt: try row["created_at"], engine: try row["engine"], asOf: try row["as_of"],
            provenance: WarningRunProvenance(from: try row["window_from"], to: try row["window_to"], source: try row["source"],
                                             thresholdsFile: try row["thresholds_file"], thresholdsSHA256: try row["thresholds_sha256"]),
            readingsFile: try row["readings_file"], readings: try row["readings"], readingsUsed: try row["readings_used"],
            persistence: try row["persistence"], byLevel: try StoredWarningSummary.byLevel(try row["summary_json"]), warnings: warnings)
    }
}
