import Foundation
import GRDB

extension SQLiteStore {
    /// Imports a validated round in one write transaction: all of it is stored, or nothing changes.
    ///
    /// - Parameters:
    ///   - id: the round's id; a round already stored is refused unless `replace`.
    ///   - source: where the data came from (the data folder), recorded with the round.
    ///   - checkpoint: runs inside the transaction (see `ImportCheckpoint`); for tests.
    @discardableResult
    public func importRound(_ data: RoundData, id: String, source: String, replace: Bool,
                            checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary {
        try storeRound(data, monitoring: nil, id: id, source: source, replace: replace, checkpoint: checkpoint)
    }

    /// The import, with the round's monitoring folder when it has one (`SQLiteStore+Monitoring.swift`).
    func storeRound(_ data: RoundData, monitoring: RoundMonitoring?, id: String, source: String, replace: Bool,
                    checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary {
        try RoundID.validate(id)
        return try write { db in
            var replaced = false
            var removed = 0
            if let existing = try Row.fetchOne(db, sql: """
                SELECT imported_at, (SELECT count(*) FROM facilities WHERE round_id = rounds.id) AS facilities
                FROM rounds WHERE id = ?
                """, arguments: [id]) {
                guard replace else {
                    let importedAt: String = existing["imported_at"], count: Int = existing["facilities"]
                    throw MineRiskError.cannotCreate("\(path): round \(id) is already in the store (imported \(importedAt), \(count) facilities); pass --replace to replace it")
                }
                removed = try deleteRound(id, db)
                replaced = true
            }
            try db.execute(sql: "INSERT INTO rounds (id, imported_at, source, engine, models_json) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, SQLiteStore.timestamp(), source, engineVersion, try jsonText(data.models)])
            let file = try db.makeStatement(sql: "INSERT INTO round_files (round_id, name, sha256, content) VALUES (?, ?, ?, ?)")
            for archived in data.files {
                try file.execute(arguments: [id, archived.name, archived.sha256, Data(archived.content)])
            }
            try insertFacilities(data.dataset, round: id, db)
            try insertAssessments(data, round: id, db, checkpoint: checkpoint)
            let hazard = try db.makeStatement(sql: """
                INSERT INTO hazards (round_id, position, facility_id, code, description, found_on) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (position, h) in data.dataset.hazards.enumerated() {
                try hazard.execute(arguments: [id, position, h.facilityID, h.code, h.description, h.foundOn])
            }
            try insertRegister(data.dataset.hazards, round: id, db)
            let mine = try db.makeStatement(sql: """
                INSERT INTO coal_mines (round_id, id, position, name, county, capacity_tpa, status, closed_year, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, m) in (data.coalMines ?? []).enumerated() {
                try mine.execute(arguments: [id, m.id, position, m.name, m.county, m.capacityTpa, m.status, m.closedYear, m.reason])
            }
            let year = try db.makeStatement(sql: "INSERT INTO accidents (round_id, year, accidents, deaths) VALUES (?, ?, ?, ?)")
            for y in data.accidents ?? [] { try year.execute(arguments: [id, y.year, y.accidents, y.deaths]) }
            let monitored = try monitoring.map { try insertMonitoring($0, round: id, db) }
            return ImportSummary(
                round: id, store: path, facilities: data.dataset.facilities.count, experts: data.dataset.experts.count,
                assessments: data.dataset.assessments.count, hazards: data.dataset.hazards.count,
                coalMines: data.coalMines?.count, accidentYears: data.accidents?.count,
                files: data.files.map(\.name) + (monitoring?.archivedNames ?? []), replaced: replaced, removedGradeRuns: removed,
                monitoringPoints: monitored?.points, readings: monitored?.readings)
        }
    }

    /// Deletes a round and everything that hangs on it, children first; returns how many grade runs went with it.
    func deleteRound(_ id: String, _ db: Database) throws -> Int {
        let runs = try Int.fetchOne(db, sql: "SELECT count(*) FROM grade_runs WHERE round_id = ?", arguments: [id]) ?? 0
        for sql in [
            "DELETE FROM monitoring_readings WHERE series IN (SELECT series FROM monitoring_points WHERE round_id = ?)",
            "DELETE FROM grade_results WHERE run_id IN (SELECT id FROM grade_runs WHERE round_id = ?)",
            "DELETE FROM grade_runs WHERE round_id = ?",
            "DELETE FROM assessments WHERE round_id = ?",
            "DELETE FROM hazards WHERE round_id = ?",
            "DELETE FROM facilities WHERE round_id = ?",
            "DELETE FROM experts WHERE round_id = ?",
            "DELETE FROM rounds WHERE id = ?",
        ] {
            try db.execute(sql: sql, arguments: [id])
        }
        return runs
    }

    private func insertFacilities(_ dataset: Dataset, round id: String, _ db: Database) throws {
        // The kinds' own fields go to the columns of the same names (Model/Kinds/).
        let fields = FacilityKind.allFields.map(\.column)
        let facility = try db.makeStatement(sql: """
            INSERT INTO facilities (round_id, id, position, name, kind, county, standardized, status, idle_months, \(fields.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: 9 + fields.count).joined(separator: ", ")))
            """)
        for (position, f) in dataset.facilities.enumerated() {
            let base: [(any DatabaseValueConvertible)?] = [
                id, f.id, position, f.name, f.kind.rawValue, f.county, f.standardized, f.status.rawValue, f.idleMonths,
            ]
            try facility.execute(arguments: StatementArguments(base + fields.map { f.values[$0]?.databaseValue }))
        }
        let expert = try db.makeStatement(sql: "INSERT INTO experts (round_id, id, position, name, title, weight) VALUES (?, ?, ?, ?, ?, ?)")
        for (position, e) in dataset.experts.enumerated() {
            try expert.execute(arguments: [id, e.id, position, e.name, e.title, e.weight])
        }
    }

    /// Inserts the assessments in file order, with the ids the table's indices stand for.
    private func insertAssessments(_ data: RoundData, round id: String, _ db: Database,
                                   checkpoint: ((ImportCheckpoint) throws -> Void)?) throws {
        let dataset = data.dataset
        let table = dataset.assessments
        let statement = try db.makeStatement(sql: """
            INSERT INTO assessments (round_id, position, facility_id, expert_id, indicator_id, value) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let halfway = table.count / 2
        for i in 0..<table.count {
            if i == halfway { try checkpoint?(.assessmentsHalfway(inserted: i, total: table.count)) }
            let facility = dataset.facilities[Int(table.facility[i])]
            guard let indicator = data.indicatorIDs[facility.kind]?[Int(table.indicator[i])] else {
                throw MineRiskError.invalid(SourceLocation(file: "assessments.csv"),
                                            "assessment \(i + 1) points at indicator \(table.indicator[i]) of the \(facility.kind.rawValue) model, which has no such indicator")
            }
            statement.setUncheckedArguments([id, i, facility.id, dataset.experts[Int(table.expert[i])].id, indicator, table.value[i]])
            try statement.execute()
        }
    }
}

extension FacilityFieldValue {
    /// The value as the facilities table keeps it: a number, a boolean, or the choice's name.
    var databaseValue: any DatabaseValueConvertible {
        switch self {
        case let .number(value): return value
        case let .flag(value): return value
        case let .choice(value): return value
        }
    }
}

/// JSON text of a value, as the store keeps it: sorted keys, compact.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Decodes JSON text the store keeps.
func fromJSONText<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(type, from: Data(text.utf8))
}
