import Foundation
import GRDB

extension SQLiteStore {
    /// Saves a warning run of a stored round in one transaction: the run with its provenance, then the levels
    /// (GB 51108-2015 §8.2: the results) and the warning log (the warnings), each in its own table.
    @discardableResult
    public func saveWarningRun(_ report: WarningReport, round id: String, provenance: WarningRunProvenance) throws -> Int64 {
        try write { db in
            try requireRound(id, db)
            let ponds = Set(try String.fetchAll(db, sql: "SELECT id FROM facilities WHERE round_id = ? AND kind = ?",
                                                arguments: [id, FacilityKind.tailingsPond.rawValue]))
            let unknown = report.ponds.map(\.id).filter { !ponds.contains($0) }
            guard unknown.isEmpty else {
                throw MineRiskError.usage("the warning run does not match round \(id) of \(path): \(unknown.prefix(5).joined(separator: ", ")) \(unknown.count == 1 ? "is not a tailings pond" : "are not tailings ponds") of the round")
            }
            let p = report.provenance
            try db.execute(sql: """
                INSERT INTO warning_runs (round_id, created_at, engine, as_of, window_from, window_to, source, thresholds_file,
                    thresholds_sha256, readings_file, readings, readings_used, persistence, provenance_json, summary_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, storeTimestamp(), engineVersion, report.asOf, provenance.from, provenance.to, provenance.source,
                                 provenance.thresholdsFile, provenance.thresholdsSHA256, p.readingsFile, p.readings, p.readingsUsed,
                                 p.persistence, try jsonText(p), try jsonText(report.summary)])
            let run = db.lastInsertedRowID
            let level = try db.makeStatement(sql: """
                INSERT INTO warning_levels (run_id, position, scope, facility_id, item, point_id, level, value, basis, threshold, time,
                    status, thresholds, source, pond_class, monitoring_required, findings_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var position = 0
            func add(_ values: [(any DatabaseValueConvertible)?]) throws {
                try level.execute(arguments: StatementArguments([run, position] + values))
                position += 1
            }
            for pond in report.ponds {
                try add([WarningScope.pond.rawValue, pond.id, nil, nil, pond.level.name, nil, nil, nil, nil, nil, nil, nil,
                         pond.pondClass, pond.monitoringRequired, try jsonText(pond.findings)])
                for item in pond.items {
                    try add([WarningScope.item.rawValue, pond.id, item.item.rawValue, nil, item.level.name, nil, nil, nil, nil, nil, nil, nil,
                             nil, nil, nil])
                    for point in item.points {
                        try add([WarningScope.point.rawValue, pond.id, item.item.rawValue, point.id, point.level.name, point.value, point.basis,
                                 point.threshold, point.time, point.status, point.thresholds, point.source, nil, nil, nil])
                    }
                }
            }
            let log = try db.makeStatement(sql: """
                INSERT INTO warning_log (run_id, position, facility_id, item, level, start_at, peak_at, end_at, peak_point, peak_value, peak_threshold)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, w) in report.warnings.enumerated() {
                try log.execute(arguments: [run, position, w.pond, w.item.rawValue, w.level.name, w.start, w.peak, w.end, w.peakPoint,
                                            w.peakValue, w.peakThreshold])
            }
            return run
        }
    }

    /// The saved warning runs of a round, oldest first.
    public func warningRuns(round id: String) throws -> [WarningRunInfo] {
        try read { db in
            try requireRound(id, db)
            return try Row.fetchAll(db, sql: "SELECT * FROM warning_runs WHERE round_id = ? ORDER BY id", arguments: [id]).map { try warningRunInfo($0, db) }
        }
    }

    /// A saved warning run with its levels and log, all of it or one pond's.
    public func warningRun(round: String?, run: Int64?, facility: String?) throws -> StoredWarningRun {
        try read { db in
            let row = try findWarningRun(round: round, run: run, db)
            let info = try warningRunInfo(row, db)
            var filter = "run_id = ?"
            var arguments: StatementArguments = [info.id]
            if let facility {
                filter += " AND facility_id = ?"
                arguments += [facility]
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM warning_levels WHERE \(filter))", arguments: arguments) == true else {
                    let ponds = try String.fetchAll(db, sql: "SELECT facility_id FROM warning_levels WHERE run_id = ? AND scope = 'pond'", arguments: [info.id])
                    let guess = ponds.min { editDistance($0, facility) < editDistance($1, facility) }
                    throw MineRiskError.missingInput("\(path): pond \(facility) is not in warning run \(info.id) of round \(info.round)\(guess.map { "; did you mean \($0)?" } ?? "")")
                }
            }
            let levels = try Row.fetchAll(db, sql: "SELECT * FROM warning_levels WHERE \(filter) ORDER BY position", arguments: arguments).map { try storedLevel($0) }
            let log = try Row.fetchAll(db, sql: "SELECT * FROM warning_log WHERE \(filter) ORDER BY position", arguments: arguments).map { try storedSpan($0) }
            return StoredWarningRun(run: info, facility: facility, levels: levels, warnings: log)
        }
    }

    /// The run asked for: by id (in `round` when given), else the newest of `round`, else the newest of the newest
    /// round that has one.
    private func findWarningRun(round: String?, run: Int64?, _ db: Database) throws -> Row {
        if let round { try requireRound(round, db) }
        if let run {
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM warning_runs WHERE id = ?", arguments: [run]),
                  round == nil || row["round_id"] == round else {
                throw MineRiskError.missingInput("\(path): no warning run \(run)\(round.map { " in round \($0)" } ?? ""); list them with minerisk db rounds")
            }
            return row
        }
        let withRuns = Set(try String.fetchAll(db, sql: "SELECT DISTINCT round_id FROM warning_runs"))
        let newest = try roundIDs(db).last(where: withRuns.contains)
        guard let target = round ?? newest,
              let row = try Row.fetchOne(db, sql: "SELECT * FROM warning_runs WHERE round_id = ? ORDER BY id DESC LIMIT 1", arguments: [target]) else {
            let which = round.map { "round \($0) has" } ?? "the store has"
            throw MineRiskError.missingInput("\(path): \(which) no saved warning run; save one with minerisk warn --save --round ID --db \(path)")
        }
        return row
    }

    /// How many warning runs each round has.
    func warningRunCounts(_ db: Database) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT round_id, count(*) AS n FROM warning_runs GROUP BY round_id")
            .map { ($0["round_id"] as String, $0["n"] as Int) })
    }

    private func warningRunInfo(_ row: Row, _ db: Database) throws -> WarningRunInfo {
        let id: Int64 = row["id"]
        let warnings = try Int.fetchOne(db, sql: "SELECT count(*) FROM warning_log WHERE run_id = ?", arguments: [id]) ?? 0
        return WarningRunInfo(
            id: id, round: row["round_id"], createdAt: row["created_at"], engine: row["engine"], asOf: row["as_of"],
            provenance: WarningRunProvenance(from: row["window_from"], to: row["window_to"], source: row["source"],
                                             thresholdsFile: row["thresholds_file"], thresholdsSHA256: row["thresholds_sha256"]),
            readingsFile: row["readings_file"], readings: row["readings"], readingsUsed: row["readings_used"],
            persistence: row["persistence"], byLevel: try StoredWarningSummary.byLevel(row["summary_json"]), warnings: warnings)
    }

    private func storedLevel(_ row: Row) throws -> StoredWarningLevel {
        try StoredWarningLevel.stored(
            store: path, scope: row["scope"], pond: row["facility_id"], item: row["item"], point: row["point_id"], level: row["level"],
            value: row["value"], basis: row["basis"], threshold: row["threshold"], time: row["time"], status: row["status"],
            thresholds: row["thresholds"], source: row["source"], pondClass: row["pond_class"],
            monitoringRequired: row["monitoring_required"], findings: row["findings_json"])
    }

    private func storedSpan(_ row: Row) throws -> WarningSpan {
        try WarningSpan.stored(store: path, pond: row["facility_id"], item: row["item"], level: row["level"], start: row["start_at"],
                               end: row["end_at"], peak: row["peak_at"], peakPoint: row["peak_point"], peakValue: row["peak_value"],
                               peakThreshold: row["peak_threshold"])
    }
}

extension StoredWarningLevel {
    /// A level read back from a store's row; a scope or level this minerisk does not know is the store's problem.
    static func stored(store: String, scope scopeText: String, pond: String, item: String?, point: String?, level levelText: String,
                       value: Double?, basis: String?, threshold: Double?, time: String?, status: String?, thresholds: String?,
                       source: String?, pondClass: Int?, monitoringRequired: Bool?, findings: String?) throws -> StoredWarningLevel {
        guard let scope = WarningScope(rawValue: scopeText), let level = WarningLevel(name: levelText) else {
            throw MineRiskError.invalid(SourceLocation(file: store), "warning level row of scope \"\(scopeText)\" and level \"\(levelText)\" is unknown to this minerisk")
        }
        return StoredWarningLevel(scope: scope, pond: pond, item: item, point: point, level: level, value: value, basis: basis,
                                  threshold: threshold, time: time, status: status, thresholds: thresholds, source: source,
                                  pondClass: pondClass, monitoringRequired: monitoringRequired,
                                  findings: try findings.map { try fromJSONText([String].self, $0) })
    }
}

extension WarningSpan {
    /// A warning read back from a store's row.
    static func stored(store: String, pond: String, item itemText: String, level levelText: String, start: String, end: String?,
                       peak: String, peakPoint: String, peakValue: Double?, peakThreshold: Double?) throws -> WarningSpan {
        guard let item = MonitoredItem(rawValue: itemText), let level = WarningLevel(name: levelText) else {
            throw MineRiskError.invalid(SourceLocation(file: store), "warning of item \"\(itemText)\" and level \"\(levelText)\" is unknown to this minerisk")
        }
        return WarningSpan(pond: pond, item: item, level: level, start: start, end: end, peak: peak, peakPoint: peakPoint,
                           peakValue: peakValue, peakThreshold: peakThreshold)
    }
}

/// The part of a warning run's summary the stores read back.
struct StoredWarningSummary: Decodable {
    var byLevel: [String: Int]

    static func byLevel(_ json: String) throws -> [String: Int] { try fromJSONText(Self.self, json).byLevel }
}
