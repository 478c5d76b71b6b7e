import Foundation

extension PostgresStore: MonitoringStore {
    /// Imports a round with its monitoring folder, in one transaction (see `MonitoringStore`).
    @discardableResult
    public func importRound(_ data: RoundData, monitoring: RoundMonitoring, id: String, source: String, replace: Bool,
                            checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary {
        try storeRound(data, monitoring: monitoring, id: id, source: source, replace: replace, checkpoint: checkpoint)
    }

    /// How many points and readings a round's stored monitoring has.
    public func monitoringCounts(round id: String) throws -> (points: Int, readings: Int) {
        try read {
            try requireRound(id)
            let points = try session.value(Int.self, "SELECT count(*) FROM monitoring_points WHERE round_id = $1", [id]) ?? 0
            let readings = try session.value(Int.self, "SELECT count(*) FROM monitoring_readings WHERE round_id = $1", [id]) ?? 0
            return (points, readings)
        }
    }

    /// Stores a round's points, then its readings by COPY as they stream from the file (GB 51108-2015 §8.2: the raw
    /// data, apart from results and warnings), then archives the folder's files; inside the import's transaction.
    func insertMonitoring(_ monitoring: RoundMonitoring, round id: String) throws -> (points: Int, readings: Int) {
        let points = monitoring.data.points
        var series: [Int64] = []
        series.reserveCapacity(points.count)
        for (position, p) in points.enumerated() {
            guard let s = try session.value(Int64.self, """
                INSERT INTO monitoring_points (round_id, id, position, facility_id, item, unit, location, installed_on, interval_minutes)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING series
                """, [id, p.id, position, p.facilityID, p.item.rawValue, p.unit, p.location, p.installedOn, p.intervalMinutes]) else {
                throw MineRiskError.io("\(location): point \(p.id) was not given a series")
            }
            series.append(s)
        }
        let data = monitoring.data
        let reader = ReadingReader(path: data.readingsPath, displayName: data.readingsName, points: ByteInterner(data.points.map(\.id)),
                                   items: data.points.map(\.item), pointIDs: data.points.map(\.id))
        var count = 0
        try copy(into: "monitoring_readings", columns: ["round_id", "seq", "series", "time", "offset_minutes", "value", "quality"]) { rows in
            var problems = ProblemList()
            var rejects: [RejectedRow] = []
            _ = try reader.read(skipInvalid: false, problems: &problems, rejects: &rejects) { reading in
                // A refused line never reaches here; any problem fails the COPY and so the whole import below.
                rows.text(id); rows.int(count); rows.int(series[reading.point]); rows.int(reading.time); rows.int(reading.offsetMinutes)
                rows.double(reading.value); rows.int(reading.quality.rawValue)
                try rows.end()
                count += 1
            }
            try problems.throwIfAny()
        }
        var files = monitoring.files
        guard let readings = FileManager.default.contents(atPath: monitoring.readingsPath) else {
            throw MineRiskError.io("\(monitoring.readingsPath): could not be read again for the archive")
        }
        files.append(ArchivedFile(name: monitoring.readingsName, content: [UInt8](readings)))
        for archived in files {
            try session.execute("INSERT INTO round_files (round_id, name, sha256, content) VALUES ($1, $2, $3, $4)",
                                [id, archived.name, archived.sha256, Data(archived.content)])
        }
        return (points.count, count)
    }

    /// A stored round's monitoring as `WarningEngine` takes it; nil when the round has none.
    public func monitoringData(round id: String) throws -> MonitoringData? {
        let stored = try read { () -> (ponds: [MonitoredPond], points: [MonitoringPoint], series: [Int64], thresholds: Data)? in
            try requireRound(id)
            let rows = try session.rows("SELECT * FROM monitoring_points WHERE round_id = $1 ORDER BY position", [id])
            guard !rows.isEmpty,
                  let thresholds = try session.value(Data.self, "SELECT content FROM round_files WHERE round_id = $1 AND name = $2",
                                                     [id, "\(RoundMonitoring.folder)/thresholds.yaml"]) else { return nil }
            let points = try rows.map { row -> MonitoringPoint in
                let itemText: String = try row["item"]
                guard let item = MonitoredItem(rawValue: itemText) else {
                    throw MineRiskError.invalid(SourceLocation(file: location), "round \(id): point \(try row["id"] as String) has item \"\(itemText)\", unknown to this minerisk")
                }
                return MonitoringPoint(id: try row["id"], facilityID: try row["facility_id"], item: item, unit: try row["unit"],
                                       location: try row["location"], installedOn: try row["installed_on"], intervalMinutes: try row["interval_minutes"])
            }
            let ponds = try session.rows("""
                SELECT id, name, county, storage_volume_10k_m3, dam_height_m FROM facilities WHERE round_id = $1 AND kind = $2 ORDER BY position
                """, [id, FacilityKind.tailingsPond.rawValue]).map { row -> MonitoredPond in
                let storage: Double? = try row["storage_volume_10k_m3"], height: Double? = try row["dam_height_m"]
                return MonitoredPond(id: try row["id"], name: try row["name"], county: try row["county"],
                                     pondClass: MonitoredPond.storedClass(storage: storage, damHeight: height))
            }
            return (ponds, points, try rows.map { try $0["series"] }, thresholds)
        }
        guard let stored else { return nil }
        var data = try MonitoringData.stored(store: location, round: id, ponds: stored.ponds, points: stored.points, thresholds: stored.thresholds)
        let index = Dictionary(uniqueKeysWithValues: stored.series.enumerated().map { ($1, $0) })
        data.source = ReadingSource { [self] emit in
            try read {
                try session.forEachRawRow("""
                    SELECT series, time, offset_minutes, value, quality FROM monitoring_readings WHERE round_id = $1 ORDER BY seq
                    """, [id], batch: 16384) { row in
                    let (series, time, offset, value, quality) = try row.decode((Int64, Int64, Int16, Double, Int16).self)
                    guard let point = index[series] else { return }
                    try emit(point, time, Int(offset), value, UInt8(truncatingIfNeeded: quality))
                }
            }
        }
        return data
    }
}
