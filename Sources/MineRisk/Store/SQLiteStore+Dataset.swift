import Foundation
import GRDB

extension SQLiteStore {
    /// The ids of the stored rounds, in natural order ("2016" before "2017").
    public func roundIDs() throws -> [String] {
        try read { db in try roundIDs(db) }
    }

    func roundIDs(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT id FROM rounds").sorted(by: RoundID.precedes)
    }

    /// Throws "no such round" (naming the rounds there are) unless the round is stored.
    func requireRound(_ id: String, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rounds WHERE id = ?)", arguments: [id]) == true else {
            let ids = try roundIDs(db)
            let have = ids.isEmpty ? "the store has no round yet" : "its rounds are \(ids.joined(separator: ", "))"
            throw MineRiskError.missingInput("\(path): round \(id) is not in the store; \(have)")
        }
    }

    /// Rebuilds a stored round as the `Dataset` its data folder gave, for the `Grader`.
    ///
    /// Rows come back in file order, so grading the stored round gives what grading the folder gave.
    /// The models must still have the indicators the round's assessments name.
    public func dataset(round id: String, models: ModelSet) throws -> Dataset {
        try read { db in
            try requireRound(id, db)
            let facilities = try Row.fetchAll(db, sql: "SELECT * FROM facilities WHERE round_id = ? ORDER BY position", arguments: [id])
                .map(facility(from:))
            let experts = try Row.fetchAll(db, sql: "SELECT * FROM experts WHERE round_id = ? ORDER BY position", arguments: [id]).map {
                Expert(id: $0["id"], name: $0["name"], title: $0["title"], weight: $0["weight"])
            }
            let facilityIndex = Dictionary(uniqueKeysWithValues: facilities.enumerated().map { ($1.id, Int32($0)) })
            let expertIndex = Dictionary(uniqueKeysWithValues: experts.enumerated().map { ($1.id, Int32($0)) })
            var table = AssessmentTable()
            var problems = ProblemList()
            for kind in Set(facilities.map(\.kind)) where models[kind] == nil {
                let members = facilities.filter { $0.kind == kind }
                problems.add(SourceLocation(file: "\(path) round \(id)"),
                             "\(members.count) facilit\(members.count == 1 ? "y is" : "ies are") of kind \(kind.rawValue) (first \(members[0].id)), and the models folder has no \(kind.rawValue) model")
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, facility_id, expert_id, indicator_id, value FROM assessments WHERE round_id = ? ORDER BY position
                """, arguments: [id])
            while let row = try rows.next() {
                let facilityID: String = row["facility_id"], expertID: String = row["expert_id"], indicatorID: String = row["indicator_id"]
                guard let f = facilityIndex[facilityID], let e = expertIndex[expertID] else { continue }
                let kind = facilities[Int(f)].kind
                guard let (modelKind, j) = models.indicatorIndex[indicatorID], modelKind == kind else {
                    let position: Int = row["position"]
                    problems.add(SourceLocation(file: "\(path) round \(id)", path: "assessments[\(position)]"),
                                 "indicator \"\(indicatorID)\" of facility \(facilityID) is not in the \(kind.rawValue) model of the models folder; grade with the models the round was imported with")
                    continue
                }
                table.facility.append(f)
                table.expert.append(e)
                table.indicator.append(Int32(j))
                table.value.append(row["value"])
            }
            try problems.throwIfAny()
            let register = try register(round: id, db).map(\.finding)
            let hazards = !register.isEmpty ? register : try Row.fetchAll(db, sql: "SELECT * FROM hazards WHERE round_id = ? ORDER BY position", arguments: [id]).map {
                // Rows are stored in file order after the header, one line each.
                HazardFinding(facilityID: $0["facility_id"], code: $0["code"], description: $0["description"], foundOn: $0["found_on"],
                              line: ($0["position"] as Int) + 2)
            }
            // The hashes DatasetLoader records are of the text it parsed, so they are taken the same way here.
            var hashes: [String: String] = [:]
            var round: RoundMetadata?
            for row in try Row.fetchAll(db, sql: "SELECT name, content FROM round_files WHERE round_id = ?", arguments: [id]) {
                let name: String = row["name"]
                guard DatasetLoader.requiredFiles.contains(name) || name == RoundMetadata.fileName else { continue }
                let content: Data = row["content"]
                let text = try TextFile(data: [UInt8](content), displayName: name)
                hashes[name] = sha256Hex(text.bytes)
                if name == RoundMetadata.fileName { round = try RoundMetadata.parse(String(decoding: text.bytes, as: UTF8.self), file: name) }
            }
            return Dataset(directory: "\(path)#round=\(id)", facilities: facilities, experts: experts, assessments: table,
                           hazards: hazards, rejects: [], rejectedFacilities: 0, fileHashes: hashes, round: round)
        }
    }

    /// A facility from its stored row.
    private func facility(from row: Row) throws -> Facility {
        let kindText: String = row["kind"], statusText: String = row["status"]
        guard let kind = FacilityKind(rawValue: kindText), let status = FacilityStatus(rawValue: statusText) else {
            throw MineRiskError.invalid(SourceLocation(file: path), "facility \(row["id"] as String) has kind \"\(kindText)\" and status \"\(statusText)\", which this minerisk does not know")
        }
        var facility = Facility(id: row["id"], name: row["name"], kind: kind, county: row["county"], standardized: row["standardized"],
                                status: status, idleMonths: row["idle_months"], line: (row["position"] as Int) + 2)
        // The kind's own fields, from the columns of the same names; a row without a field its kind needs has none.
        var values = FacilityValues()
        for field in kind.profile.fields {
            switch field.value {
            case .number: values[field.column] = (row[field.column] as Double?).map { .number($0) }
            case .flag: values[field.column] = (row[field.column] as Bool?).map { .flag($0) }
            case let .choice(choices): values[field.column] = (row[field.column] as String?).flatMap { choices.contains($0) ? .choice($0) : nil }
            }
        }
        if kind.profile.fields.allSatisfy({ $0.needs == nil || values[$0.column] != nil }) { facility.values = values }
        return facility
    }
}
