import Foundation

extension PostgresStore: HazardRegisterStore {
    /// Writes a round's hazards.csv rows into the register at import, each at version 1, with an `import` action.
    func insertRegister(_ hazards: [HazardFinding], round: String, base: Int) throws {
        for (position, h) in hazards.enumerated() {
            try insertFinding(h, position: base + position, round: round)
            try log(round: round, hazard: h.id, facility: h.facilityID, action: "import", actor: "import", from: nil, to: h.status, version: 1, detail: "hazards.csv:\(h.line)")
        }
    }

    private func insertFinding(_ h: HazardFinding, position: Int, round: String) throws {
        try session.execute("""
            INSERT INTO hazard_register (round_id, \(hazardRegisterColumns), version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 1)
            """, [round, h.id, position, h.facilityID, h.code, h.level.rawValue, h.veto, h.description, h.inspection,
                  h.foundOn, h.foundBy, h.deadline, h.responsible, h.measures, h.funds, h.plan, h.status.rawValue,
                  h.acceptedOn, h.acceptedBy, h.reopened])
    }

    /// The register of a round in its order, each finding with its version.
    public func register(round: String) throws -> [(finding: HazardFinding, version: Int)] {
        try read { try requireRound(round); return try registerInTransaction(round: round) }
    }

    func registerInTransaction(round: String, id: String? = nil, forUpdate: Bool = false) throws -> [(finding: HazardFinding, version: Int)] {
        let filter = id == nil ? "" : " AND id = $2"
        return try session.rows("SELECT * FROM hazard_register WHERE round_id = $1\(filter) ORDER BY position\(forUpdate ? " FOR UPDATE" : "")",
                                id.map { [round, $0] } ?? [round]).map { row in
            var h = HazardFinding(facilityID: try row["facility_id"], code: try row["code"], description: try row["description"],
                                  foundOn: try row["found_on"], line: (try row["position"] as Int) + 2)
            h.id = try row["id"]
            h.level = HazardLevel(rawValue: try row["level"]) ?? .major
            h.veto = try row["veto"]
            h.inspection = try row["inspection"]
            h.foundBy = try row["found_by"]
            h.deadline = try row["deadline"]
            h.responsible = try row["responsible"]
            h.measures = try row["measures"]
            h.funds = try row["funds"]
            h.plan = try row["plan"]
            h.status = HazardStatus(rawValue: try row["status"]) ?? .open
            h.acceptedOn = try row["accepted_on"]
            h.acceptedBy = try row["accepted_by"]
            h.reopened = try row["reopened"]
            return (h, try row["version"])
        }
    }

    /// Adds a finding (checked by the caller against the lists) to a stored round's register.
    public func addHazard(_ h: HazardFinding, round: String, change: HazardChange) throws {
        try write {
            try requireRound(round)
            try requireFacility(h.facilityID, round: round)
            if try !registerInTransaction(round: round, id: h.id).isEmpty {
                throw MineRiskError.cannotCreate("\(location): hazard \(h.id) is already in round \(round)")
            }
            try insertFinding(h, position: try nextPosition(round: round), round: round)
            try log(round: round, hazard: h.id, facility: h.facilityID, action: "add", actor: change.actor, from: nil, to: h.status, version: 1, detail: h.code)
        }
    }

    /// Adds findings read from a workbook in one transaction: all of them, or none when an id is already there.
    public func addHazards(_ hazards: [HazardFinding], round: String, source: String, change: HazardChange) throws {
        try write {
            try requireRound(round)
            let existing = Set(try session.values(String.self, "SELECT id FROM hazard_register WHERE round_id = $1", [round]))
            if let clash = hazards.first(where: { existing.contains($0.id) }) {
                throw MineRiskError.cannotCreate("\(location): hazard \(clash.id) is already in round \(round); nothing was imported")
            }
            var position = try nextPosition(round: round)
            for h in hazards {
                try insertFinding(h, position: position, round: round)
                try log(round: round, hazard: h.id, facility: h.facilityID, action: "import", actor: change.actor, from: nil, to: h.status, version: 1, detail: "\(source) line \(h.line)")
                position += 1
            }
        }
    }

    /// Changes a finding: `body` edits it; a change made on a stale version is refused as a conflict. The row is
    /// locked (FOR UPDATE) while it changes, and the UPDATE asks for the version it read, so that of two users changing
    /// the same finding the second always sees the first's change, never overwrites it.
    @discardableResult
    public func updateHazard(_ id: String, round: String, action: String, change: HazardChange,
                             _ body: (inout HazardFinding) throws -> String) throws -> HazardFinding {
        try write {
            try requireRound(round)
            guard let (old, version) = try registerInTransaction(round: round, id: id, forUpdate: true).first else {
                // FOR UPDATE passes over a row the user may read but not change (row-level security's UPDATE policy).
                if try !registerInTransaction(round: round, id: id).isEmpty {
                    throw MineRiskError.refused("\(location): hazard \(id) of round \(round) may not be changed by this user; a county user may change only that county's hazards")
                }
                let ids = try session.values(String.self, "SELECT id FROM hazard_register WHERE round_id = $1", [round])
                throw HazardChange.notFound(store: location, hazard: id, round: round, ids: ids)
            }
            if let expected = change.expectedVersion, expected != version {
                throw HazardChange.conflict(store: location, hazard: id, expected: expected, found: version)
            }
            var h = old
            let detail = try body(&h)
            let changed = try session.execute("""
                UPDATE hazard_register SET code = $1, level = $2, veto = $3, description = $4, inspection = $5, found_by = $6, deadline = $7,
                    responsible = $8, measures = $9, funds = $10, plan = $11, status = $12, accepted_on = $13, accepted_by = $14, reopened = $15,
                    version = version + 1
                WHERE round_id = $16 AND id = $17 AND version = $18 RETURNING version
                """, [h.code, h.level.rawValue, h.veto, h.description, h.inspection, h.foundBy, h.deadline, h.responsible,
                      h.measures, h.funds, h.plan, h.status.rawValue, h.acceptedOn, h.acceptedBy, h.reopened, round, id, version])
            guard changed == 1 else {
                // Row-level security hides a row of another county from UPDATE: the change is refused, not lost.
                throw MineRiskError.refused("\(location): hazard \(id) of round \(round) could not be changed by this user; a county user may change only that county's hazards")
            }
            try log(round: round, hazard: id, facility: h.facilityID, action: action, actor: change.actor, from: old.status, to: h.status, version: version + 1, detail: detail)
            return h
        }
    }

    /// The action log of a round, oldest first.
    public func hazardActions(round: String) throws -> [HazardAction] {
        try read {
            try session.rows("SELECT * FROM hazard_actions WHERE round_id = $1 ORDER BY seq", [round]).map {
                HazardAction(seq: Int(try $0["seq"] as Int64), hazard: try $0["hazard_id"], action: try $0["action"], actor: try $0["actor"],
                             at: try $0["at"], from: try $0["from_status"], to: try $0["to_status"], version: try $0["version"],
                             detail: try $0["detail"])
            }
        }
    }

    private func requireFacility(_ facility: String, round: String) throws {
        guard try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM facilities WHERE round_id = $1 AND id = $2)", [round, facility]) == true else {
            throw MineRiskError.invalid(SourceLocation(file: location, path: "facility"), "facility \"\(facility)\" is not in round \(round)")
        }
    }

    private func nextPosition(round: String) throws -> Int {
        try session.value(Int.self, "SELECT coalesce(max(position) + 1, 0) FROM hazard_register WHERE round_id = $1", [round]) ?? 0
    }

    private func log(round: String, hazard: String, facility: String, action: String, actor: String, from: HazardStatus?,
                     to: HazardStatus, version: Int, detail: String) throws {
        try session.execute("""
            INSERT INTO hazard_actions (round_id, hazard_id, facility_id, action, actor, at, from_status, to_status, version, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, [round, hazard, facility, action, actor, storeTimestamp(), from?.rawValue, to.rawValue, version, detail])
    }
}
