import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore: MonitoringStore {
    /// Imports a round with its monitoring folder, in one write transaction (see `MonitoringStore`).
    @discardableResult
    public func importRound(_ data: RoundData, monitoring: RoundMonitoring, id: String, source: String, replace: Bool,
                            checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary {
        try storeRound(data, monitoring: monitoring, id: id, source: source, replace: replace, checkpoint: checkpoint)
    }

    /// How many points and readings a round's stored monitoring has.
    public func monitoringCounts(round id: String) throws -> (points: Int, readings: Int) {
        try read { db in
            try requireRound(id, db)
            let points = try Int.fetchOne(db, sql: "SELECT count(*) FROM monitoring_points WHERE round_id = ?", arguments: [id]) ?? 0
            let readings = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM monitoring_readings WHERE series IN (SELECT series FROM monitoring_points WHERE round_id = ?)
                """, arguments: [id]) ?? 0
            return (points, readings)
        }
    }

    /// Stores a round's points, then its readings as they stream from the file (GB 51108-2015 §8.2: the raw data,
    /// apart from results and warnings), then archives the folder's files; inside the import's transaction.
    func insertMonitoring(_ monitoring: RoundMonitoring, round id: String, _ db: Database) throws -> (points: Int, readings: Int) {
        let points = monitoring.data.points
        let point = try db.makeStatement(sql: """
            INSERT INTO monitoring_points (round_id, id, position, facility_id, item, unit, location, installed_on, interval_minutes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var series: [Int64] = []
        series.reserveCapacity(points.count)
        for (position, p) in points.enumerated() {
            try point.execute(arguments: [id, p.id, position, p.facilityID, p.item.rawValue, p.unit, p.location, p.installedOn, p.intervalMinutes])
            series.append(db.lastInsertedRowID)
        }
        let readings = try insertReadings(monitoring, series: series, db)
        let file = try db.makeStatement(sql: "INSERT INTO round_files (round_id, name, sha256, content) VALUES (?, ?, ?, ?)")
        for archived in monitoring.files {
            try file.execute(arguments: [id, archived.name, archived.sha256, Data(archived.content)])
        }
        try archiveStreaming(monitoring.readingsPath, as: monitoring.readingsName, round: id, db)
        return (points.count, readings)
    }

    /// Checks and inserts every reading in file order, binding each row straight to SQLite's statement.
    private func insertReadings(_ monitoring: RoundMonitoring, series: [Int64], _ db: Database) throws -> Int {
        let data = monitoring.data
        let reader = ReadingReader(path: data.readingsPath, displayName: data.readingsName, points: ByteInterner(data.points.map(\.id)),
                                   items: data.points.map(\.item), pointIDs: data.points.map(\.id))
        let statement = try db.makeStatement(sql: """
            INSERT INTO monitoring_readings (series, time, offset_minutes, value, quality) VALUES (?, ?, ?, ?, ?)
            """)
        let handle = statement.sqliteStatement
        var problems = ProblemList()
        var rejects: [RejectedRow] = []
        var count = 0
        _ = try reader.read(skipInvalid: false, problems: &problems, rejects: &rejects) { reading in
            // A refused line never reaches here; the valid ones go on in, and any problem rolls the whole import back below.
            sqlite3_bind_int64(handle, 1, series[reading.point])
            sqlite3_bind_int64(handle, 2, reading.time)
            sqlite3_bind_int64(handle, 3, Int64(reading.offsetMinutes))
            sqlite3_bind_double(handle, 4, reading.value)
            sqlite3_bind_int64(handle, 5, Int64(reading.quality.rawValue))
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            count += 1
        }
        try problems.throwIfAny()
        return count
    }

    /// Archives a file byte for byte without holding it: its row is made with a zero blob of its size, then filled
    /// a chunk at a time through SQLite's incremental blob I/O, hashing as it goes.
    private func archiveStreaming(_ path: String, as name: String, round id: String, _ db: Database) throws {
        guard let file = fopen(path, "rb") else { throw MineRiskError.io("\(path): cannot be read (\(String(cString: strerror(errno))))") }
        defer { fclose(file) }
        let size = try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        try db.execute(sql: "INSERT INTO round_files (round_id, name, sha256, content) VALUES (?, ?, '', zeroblob(?))", arguments: [id, name, size])
        let row = db.lastInsertedRowID
        var blob: OpaquePointer?
        guard sqlite3_blob_open(db.sqliteConnection, "main", "round_files", "content", row, 1, &blob) == SQLITE_OK, let blob else {
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_errcode(db.sqliteConnection)), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        defer { sqlite3_blob_close(blob) }
        let digest = PendingDigestStream()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            guard n > 0 else { break }
            guard offset + n <= size else { throw MineRiskError.io("\(path): grew while it was being archived; import again") }
            let code = chunk.withUnsafeBytes { sqlite3_blob_write(blob, $0.baseAddress, Int32(n), Int32(offset)) }
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            digest.update(Array(chunk[0..<n]))
            offset += n
        }
        guard offset == size else { throw MineRiskError.io("\(path): shrank while it was being archived; import again") }
        try db.execute(sql: "UPDATE round_files SET sha256 = ? WHERE rowid = ?", arguments: [digest.finish(), row])
    }
}
