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
                           arguments: [id, storeTimestamp(), source, engineVersion, try jsonText(data.models)])
            try insertFiles(data.files, round: id, db)
            try insertRows(data, round: id, experts: nil, base: .zero, db, checkpoint: checkpoint)
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

    /// Imports one county's part of a round in one write transaction (see `RoundStore.importCounty`): its rows go
    /// after the round's last ones, and only the experts not stored yet are added.
    @discardableResult
    public func importCounty(_ part: CountyImport, id: String, source: String, replace: Bool) throws -> ImportSummary {
        try RoundID.validate(id)
        let county = part.county, data = part.data
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rounds WHERE id = ?)", arguments: [id]) != true {
                try db.execute(sql: "INSERT INTO rounds (id, imported_at, source, engine, models_json) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, storeTimestamp(), "counties", engineVersion, try jsonText(data.models)])
            }
            let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM facilities WHERE round_id = ? AND county = ?", arguments: [id, county]) ?? 0
            var replaced = false
            if stored > 0 {
                guard replace else {
                    throw MineRiskError.cannotCreate("\(path): round \(id) already holds \(stored) facilities of \(county); pass --replace to replace them")
                }
                let facilities = "SELECT id FROM facilities WHERE round_id = ? AND county = ?"
                for table in ["assessments", "hazards", "hazard_register"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE round_id = ? AND facility_id IN (\(facilities))", arguments: [id, id, county])
                }
                for table in ["facilities", "coal_mines"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE round_id = ? AND county = ?", arguments: [id, county])
                }
                try db.execute(sql: "DELETE FROM round_files WHERE round_id = ? AND name LIKE ?",
                               arguments: [id, CountyImport.archiveName(county: county, file: "%")])
                replaced = true
            }
            func next(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT coalesce(max(position) + 1, 0) FROM \(table) WHERE round_id = ?", arguments: [id]) ?? 0
            }
            let base = RowBase(facility: try next("facilities"), expert: try next("experts"), assessment: try next("assessments"),
                               hazard: max(try next("hazards"), try next("hazard_register")), coalMine: try next("coal_mines"))
            try insertFiles(data.files, round: id, db)
            try insertRows(data, round: id, experts: part.expertsUsed, base: base, db, checkpoint: nil)
            return ImportSummary(
                round: id, store: path, facilities: data.dataset.facilities.count, experts: part.expertsUsed.filter { $0 }.count,
                assessments: data.dataset.assessments.count, hazards: data.dataset.hazards.count, coalMines: data.coalMines?.count,
                accidentYears: nil, files: data.files.map(\.name), replaced: replaced, removedGradeRuns: 0)
        }
    }

    private func insertFiles(_ files: [ArchivedFile], round id: String, _ db: Database) throws {
        let file = try db.makeStatement(sql: "INSERT INTO round_files (round_id, name, sha256, content) VALUES (?, ?, ?, ?)")
        for archived in files {
            try file.execute(arguments: [id, archived.name, archived.sha256, Data(archived.content)])
        }
    }

    /// Facilities, experts (those `used` marks not stored yet, or all), assessments, hazards with their register
    /// entries, and coal mines, each table's positions from `base`.
    private func insertRows(_ data: RoundData, round id: String, experts used: [Bool]?, base: RowBase, _ db: Database,
                            checkpoint: ((ImportCheckpoint) throws -> Void)?) throws {
        let dataset = data.dataset
        // The kinds' own fields go to the columns of the same names (Model/Kinds/).
        let fields = FacilityKind.allFields.map(\.column)
        let facility = try db.makeStatement(sql: """
            INSERT INTO facilities (round_id, id, position, name, kind, county, standardized, status, idle_months, \(fields.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: 9 + fields.count).joined(separator: ", ")))
            """)
        for (position, f) in dataset.facilities.enumerated() {
            let values: [(any DatabaseValueConvertible)?] = [
                id, f.id, base.facility + position, f.name, f.kind.rawValue, f.county, f.standardized, f.status.rawValue, f.idleMonths,
            ]
            try facility.execute(arguments: StatementArguments(values + fields.map { f.values[$0]?.databaseValue }))
        }
        let expert = try db.makeStatement(sql: """
            INSERT \(used == nil ? "" : "OR IGNORE ")INTO experts (round_id, id, position, name, title, weight) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, e) in dataset.experts.enumerated() where used?[position] ?? true {
            try expert.execute(arguments: [id, e.id, base.expert + position, e.name, e.title, e.weight])
        }
        try insertAssessments(data, round: id, base: base.assessment, db, checkpoint: checkpoint)
        let hazard = try db.makeStatement(sql: """
            INSERT INTO hazards (round_id, position, facility_id, code, description, found_on) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, h) in dataset.hazards.enumerated() {
            try hazard.execute(arguments: [id, base.hazard + position, h.facilityID, h.code, h.description, h.foundOn])
        }
        try insertRegister(dataset.hazards, round: id, base: base.hazard, db)
        let mine = try db.makeStatement(sql: """
            INSERT INTO coal_mines (round_id, id, position, name, county, capacity_tpa, status, closed_year, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, m) in (data.coalMines ?? []).enumerated() {
            try mine.execute(arguments: [id, m.id, base.coalMine + position, m.name, m.county, m.capacityTpa, m.status, m.closedYear, m.reason])
        }
    }

    /// Inserts the assessments in file order, with the ids the table's indices stand for.
    private func insertAssessments(_ data: RoundData, round id: String, base: Int, _ db: Database,
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
            statement.setUncheckedArguments([id, base + i, facility.id, dataset.experts[Int(table.expert[i])].id, indicator, table.value[i]])
            try statement.execute()
        }
    }
}

/// Where a county import's rows start in each table's order (zero for a whole round).
struct RowBase {
    var facility = 0, expert = 0, assessment = 0, hazard = 0, coalMine = 0
    static let zero = RowBase()
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
