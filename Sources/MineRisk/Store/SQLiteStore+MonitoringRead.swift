import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// A stored round's monitoring as `WarningEngine` takes it: its tailings ponds, its points, its archived
    /// thresholds.yaml, and its readings read back in the order they were imported; nil when the round has none.
    public func monitoringData(round id: String) throws -> MonitoringData? {
        let stored = try read { db -> (ponds: [MonitoredPond], points: [MonitoringPoint], series: [Int64], thresholds: Data)? in
            try requireRound(id, db)
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM monitoring_points WHERE round_id = ? ORDER BY position", arguments: [id])
            guard !rows.isEmpty,
                  let thresholds = try Data.fetchOne(db, sql: "SELECT content FROM round_files WHERE round_id = ? AND name = ?",
                                                     arguments: [id, "\(RoundMonitoring.folder)/thresholds.yaml"]) else { return nil }
            let points = try rows.map { row -> MonitoringPoint in
                let itemText: String = row["item"]
                guard let item = MonitoredItem(rawValue: itemText) else {
                    throw MineRiskError.invalid(SourceLocation(file: path), "round \(id): point \(row["id"] as String) has item \"\(itemText)\", unknown to this minerisk")
                }
                return MonitoringPoint(id: row["id"], facilityID: row["facility_id"], item: item, unit: row["unit"], location: row["location"],
                                       installedOn: row["installed_on"], intervalMinutes: row["interval_minutes"])
            }
            let ponds = try Row.fetchAll(db, sql: """
                SELECT id, name, county, storage_volume_10k_m3, dam_height_m FROM facilities WHERE round_id = ? AND kind = ? ORDER BY position
                """, arguments: [id, FacilityKind.tailingsPond.rawValue]).map { row -> MonitoredPond in
                let storage: Double? = row["storage_volume_10k_m3"], height: Double? = row["dam_height_m"]
                return MonitoredPond(id: row["id"], name: row["name"], county: row["county"],
                                     pondClass: MonitoredPond.storedClass(storage: storage, damHeight: height))
            }
            return (ponds, points, rows.map { $0["series"] }, thresholds)
        }
        guard let stored else { return nil }
        var data = try MonitoringData.stored(store: path, round: id, ponds: stored.ponds, points: stored.points, thresholds: stored.thresholds)
        let index = Dictionary(uniqueKeysWithValues: stored.series.enumerated().map { ($1, $0) })
        data.source = ReadingSource { [self] emit in try readings(series: index, emit) }
        return data
    }

    /// Every stored reading of the given series (series → point index), in the order they were imported.
    private func readings(series index: [Int64: Int], _ emit: (Int, Int64, Int, Double, UInt8) throws -> Void) throws {
        guard let low = index.keys.min(), let high = index.keys.max() else { return }
        try read { db in
            let statement = try db.makeStatement(sql: """
                SELECT series, time, offset_minutes, value, quality FROM monitoring_readings WHERE series BETWEEN ? AND ? ORDER BY rowid
                """)
            try statement.setArguments([low, high])
            let handle = statement.sqliteStatement
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
                }
                // A round's series are one range (its points were inserted together); any other is another round's.
                guard let point = index[sqlite3_column_int64(handle, 0)] else { continue }
                try emit(point, sqlite3_column_int64(handle, 1), Int(sqlite3_column_int64(handle, 2)), sqlite3_column_double(handle, 3),
                         UInt8(truncatingIfNeeded: sqlite3_column_int64(handle, 4)))
            }
        }
    }
}

extension MonitoredPond {
    /// A stored pond's class, as MonitoredPond(facility:) gives it: from storage and dam height (AQ 2006-2005 Table 1,
    /// GB 50863-2013 §3.3.1), class 5 when either is missing.
    static func storedClass(storage: Double?, damHeight: Double?) -> Int {
        storage.flatMap { v in damHeight.map { TailingsClassification.pondClass(storage: v, damHeight: $0) } } ?? 5
    }
}

extension MonitoringData {
    /// A stored round's monitoring without its readings (the store sets `source`): its archived thresholds.yaml read
    /// as `warn` reads the file.
    static func stored(store: String, round id: String, ponds: [MonitoredPond], points: [MonitoringPoint], thresholds: Data) throws -> MonitoringData {
        let file = "\(store): round \(id) \(RoundMonitoring.folder)/thresholds.yaml"
        let text = try TextFile(data: [UInt8](thresholds), displayName: file)
        let parsed = try ThresholdLoader.parse(String(decoding: text.bytes[text.contentStart...], as: UTF8.self), file: file,
                                               points: Dictionary(points.map { ($0.id, $0.item) }, uniquingKeysWith: { a, _ in a }))
        var data = MonitoringData(ponds: ponds, points: points, thresholds: parsed, readingsPath: store,
                                  readingsName: "\(store): round \(id) monitoring_readings")
        data.thresholdsSHA256 = sha256Hex(thresholds)
        return data
    }
}
