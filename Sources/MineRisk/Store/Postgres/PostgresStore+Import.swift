import Foundation

extension PostgresStore {
    /// Imports a validated round in one transaction, the large tables by COPY: all of it is stored, or nothing changes.
    @discardableResult
    public func importRound(_ data: RoundData, id: String, source: String, replace: Bool,
                            checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary {
        try storeRound(data, monitoring: nil, id: id, source: source, replace: replace, checkpoint: checkpoint)
    }

    /// The import, with the round's monitoring folder when it has one (`PostgresStore+Monitoring.swift`).
    func storeRound(_ data: RoundData, monitoring: RoundMonitoring?, id: String, source: String, replace: Bool,
                    checkpoint: ((ImportCheckpoint) throws -> Void)?) throws -> ImportSummary {
        try RoundID.validate(id)
        return try write {
            try lockRound(id)
            var replaced = false
            var removed = 0
            if let existing = try session.row("""
                SELECT imported_at, (SELECT count(*) FROM facilities WHERE round_id = rounds.id) AS facilities
                FROM rounds WHERE id = $1
                """, [id]) {
                guard replace else {
                    let importedAt: String = try existing["imported_at"], count: Int = try existing["facilities"]
                    throw MineRiskError.cannotCreate("\(location): round \(id) is already in the store (imported \(importedAt), \(count) facilities); pass --replace to replace it")
                }
                removed = try session.value(Int.self, "SELECT count(*) FROM grade_runs WHERE round_id = $1", [id]) ?? 0
                // Everything else of the round hangs on its row (ON DELETE CASCADE); the hazard action log stays (append-only).
                try session.execute("DELETE FROM assessments WHERE round_id = $1", [id])
                try session.execute("DELETE FROM rounds WHERE id = $1", [id])
                replaced = true
            }
            try session.execute("INSERT INTO rounds (id, imported_at, source, engine, models_json) VALUES ($1, $2, $3, $4, $5)",
                                [id, storeTimestamp(), source, engineVersion, try jsonText(data.models)])
            try insertFiles(data.files, round: id)
            try insertRows(data, round: id, experts: nil, base: .zero, checkpoint: checkpoint)
            try insertAccidents(data.accidents ?? [], round: id)
            let monitored = try monitoring.map { try insertMonitoring($0, round: id) }
            return ImportSummary(
                round: id, store: location, facilities: data.dataset.facilities.count, experts: data.dataset.experts.count,
                assessments: data.dataset.assessments.count, hazards: data.dataset.hazards.count,
                coalMines: data.coalMines?.count, accidentYears: data.accidents?.count,
                files: data.files.map(\.name) + (monitoring?.archivedNames ?? []), replaced: replaced, removedGradeRuns: removed,
                monitoringPoints: monitored?.points, readings: monitored?.readings)
        }
    }

    /// Imports one county's part of a round (see `CountyImport`), creating the round if it is not stored yet; the
    /// county's earlier rows of the round are refused, or replaced with `replace`. Other counties' rows are untouched.
    @discardableResult
    public func importCounty(_ part: CountyImport, id: String, source: String, replace: Bool) throws -> ImportSummary {
        try RoundID.validate(id)
        let county = part.county, data = part.data
        return try write {
            try lockRound(id)
            if try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM rounds WHERE id = $1)", [id]) != true {
                try session.execute("INSERT INTO rounds (id, imported_at, source, engine, models_json) VALUES ($1, $2, $3, $4, $5)",
                                    [id, storeTimestamp(), "counties", engineVersion, try jsonText(data.models)])
            }
            let stored = try session.value(Int.self, "SELECT count(*) FROM facilities WHERE round_id = $1 AND county = $2", [id, county]) ?? 0
            var replaced = false
            if stored > 0 {
                guard replace else {
                    throw MineRiskError.cannotCreate("\(location): round \(id) already holds \(stored) facilities of \(county); pass --replace to replace them")
                }
                // The county's hazards and register entries go with its facilities (ON DELETE CASCADE).
                try session.execute("""
                    DELETE FROM assessments WHERE round_id = $1 AND facility_id IN (SELECT id FROM facilities WHERE round_id = $1 AND county = $2)
                    """, [id, county])
                try session.execute("DELETE FROM facilities WHERE round_id = $1 AND county = $2", [id, county])
                try session.execute("DELETE FROM coal_mines WHERE round_id = $1 AND county = $2", [id, county])
                try session.execute("DELETE FROM round_files WHERE round_id = $1 AND name LIKE $2", [id, CountyImport.archiveName(county: county, file: "%")])
                replaced = true
            }
            let base = RowBase(
                facility: try session.value(Int.self, "SELECT coalesce(max(position) + 1, 0) FROM facilities WHERE round_id = $1", [id]) ?? 0,
                expert: try session.value(Int.self, "SELECT coalesce(max(position) + 1, 0) FROM experts WHERE round_id = $1", [id]) ?? 0,
                assessment: try session.value(Int.self, "SELECT coalesce(max(position) + 1, 0) FROM assessments WHERE round_id = $1", [id]) ?? 0,
                hazard: try session.value(Int.self, """
                    SELECT greatest((SELECT coalesce(max(position) + 1, 0) FROM hazards WHERE round_id = $1),
                                    (SELECT coalesce(max(position) + 1, 0) FROM hazard_register WHERE round_id = $1))
                    """, [id]) ?? 0,
                coalMine: try session.value(Int.self, "SELECT coalesce(max(position) + 1, 0) FROM coal_mines WHERE round_id = $1", [id]) ?? 0)
            try insertFiles(data.files, round: id)
            try insertRows(data, round: id, experts: part.expertsUsed, base: base, checkpoint: nil)
            return ImportSummary(
                round: id, store: location, facilities: data.dataset.facilities.count,
                experts: part.expertsUsed.filter { $0 }.count, assessments: data.dataset.assessments.count,
                hazards: data.dataset.hazards.count, coalMines: data.coalMines?.count, accidentYears: nil,
                files: data.files.map(\.name), replaced: replaced, removedGradeRuns: 0)
        }
    }

    private func insertFiles(_ files: [ArchivedFile], round id: String) throws {
        for archived in files {
            try session.execute("INSERT INTO round_files (round_id, name, sha256, content) VALUES ($1, $2, $3, $4)",
                                [id, archived.name, archived.sha256, Data(archived.content)])
        }
    }

    private func insertAccidents(_ years: [AccidentYear], round id: String) throws {
        for y in years {
            try session.execute("INSERT INTO accidents (round_id, year, accidents, deaths) VALUES ($1, $2, $3, $4)", [id, y.year, y.accidents, y.deaths])
        }
    }

    /// Facilities, experts (those `experts` marks, or all; a county import adds only experts not stored yet),
    /// assessments, hazards with their register entries, and coal mines.
    private func insertRows(_ data: RoundData, round id: String, experts used: [Bool]?, base: RowBase,
                            checkpoint: ((ImportCheckpoint) throws -> Void)?) throws {
        let dataset = data.dataset
        // The kinds' own fields go to the columns of the same names (Model/Kinds/).
        let fields = FacilityKind.allFields
        try copy(into: "facilities", columns: ["round_id", "id", "position", "name", "kind", "county", "standardized", "status", "idle_months"] + fields.map(\.column)) { rows in
            for (n, f) in dataset.facilities.enumerated() {
                rows.text(id); rows.text(f.id); rows.int(base.facility + n); rows.text(f.name); rows.text(f.kind.rawValue)
                rows.text(f.county); rows.bool(f.standardized); rows.text(f.status.rawValue); rows.int(f.idleMonths)
                for field in fields {
                    switch f.values[field.column] {
                    case let .number(value)?: rows.double(value)
                    case let .flag(value)?: rows.bool(value)
                    case let .choice(value)?: rows.text(value)
                    case nil: rows.text(nil)
                    }
                }
                try rows.end()
            }
        }
        if let used {
            for (position, e) in dataset.experts.enumerated() where used[position] {
                try session.execute("""
                    INSERT INTO experts (round_id, id, position, name, title, weight) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (round_id, id) DO NOTHING
                    """, [id, e.id, base.expert + position, e.name, e.title, e.weight])
            }
        } else {
            try copy(into: "experts", columns: ["round_id", "id", "position", "name", "title", "weight"]) { rows in
                for (position, e) in dataset.experts.enumerated() {
                    rows.text(id); rows.text(e.id); rows.int(position); rows.text(e.name); rows.text(e.title); rows.double(e.weight)
                    try rows.end()
                }
            }
        }
        try copyAssessments(data, round: id, base: base.assessment, checkpoint: checkpoint)
        try checkAssessments(round: id)
        for (position, h) in dataset.hazards.enumerated() {
            try session.execute("INSERT INTO hazards (round_id, position, facility_id, code, description, found_on) VALUES ($1, $2, $3, $4, $5, $6)",
                                [id, base.hazard + position, h.facilityID, h.code, h.description, h.foundOn])
        }
        try insertRegister(dataset.hazards, round: id, base: base.hazard)
        for (position, m) in (data.coalMines ?? []).enumerated() {
            try session.execute("""
                INSERT INTO coal_mines (round_id, id, position, name, county, capacity_tpa, status, closed_year, reason)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, [id, m.id, base.coalMine + position, m.name, m.county, m.capacityTpa, m.status, m.closedYear, m.reason])
        }
    }

    /// The assessments in file order by COPY, with the ids the table's indices stand for.
    private func copyAssessments(_ data: RoundData, round id: String, base: Int, checkpoint: ((ImportCheckpoint) throws -> Void)?) throws {
        let dataset = data.dataset
        let table = dataset.assessments
        let halfway = table.count / 2
        try copy(into: "assessments", columns: ["round_id", "position", "facility_id", "expert_id", "indicator_id", "value"]) { rows in
            for i in 0..<table.count {
                if i == halfway { try checkpoint?(.assessmentsHalfway(inserted: i, total: table.count)) }
                let facility = dataset.facilities[Int(table.facility[i])]
                guard let indicator = data.indicatorIDs[facility.kind]?[Int(table.indicator[i])] else {
                    throw MineRiskError.invalid(SourceLocation(file: "assessments.csv"),
                                                "assessment \(i + 1) points at indicator \(table.indicator[i]) of the \(facility.kind.rawValue) model, which has no such indicator")
                }
                rows.text(id); rows.int(base + i); rows.text(facility.id); rows.text(dataset.experts[Int(table.expert[i])].id)
                rows.text(indicator); rows.double(table.value[i])
                try rows.end()
            }
        }
    }

    /// The check the assessments' foreign keys would make, in one query: every assessment of the round names a
    /// facility and an expert of the round.
    func checkAssessments(round id: String) throws {
        if let orphan = try session.row("""
            SELECT a.position, a.facility_id, a.expert_id FROM assessments a
            WHERE a.round_id = $1
              AND (NOT EXISTS (SELECT 1 FROM facilities f WHERE f.round_id = a.round_id AND f.id = a.facility_id)
                   OR NOT EXISTS (SELECT 1 FROM experts e WHERE e.round_id = a.round_id AND e.id = a.expert_id))
            LIMIT 1
            """, [id]) {
            let position: Int64 = try orphan["position"], facility: String = try orphan["facility_id"], expert: String = try orphan["expert_id"]
            throw MineRiskError.invalid(SourceLocation(file: "assessments.csv"),
                                        "assessment \(position + 1) of round \(id) names facility \(facility) and expert \(expert), which the round does not hold together; nothing was imported")
        }
    }
}
