import Foundation
import GRDB

extension SQLiteStore: HazardRegisterStore {

    /// Writes a round's hazards.csv rows into the register at import, each at version 1, with an `import` action.
    func insertRegister(_ hazards: [HazardFinding], round: String, base: Int = 0, _ db: Database) throws {
        for (position, h) in hazards.enumerated() {
            try insertFinding(h, position: base + position, round: round, db)
            try log(db, round: round, hazard: h.id, action: "import", actor: "import", from: nil, to: h.status, version: 1, detail: "hazards.csv:\(h.line)")
        }
    }

    private func insertFinding(_ h: HazardFinding, position: Int, round: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO hazard_register (round_id, \(hazardRegisterColumns), version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                       arguments: [round, h.id, position, h.facilityID, h.code, h.level.rawValue, h.veto, h.description, h.inspection,
                                   h.foundOn, h.foundBy, h.deadline, h.responsible, h.measures, h.funds, h.plan, h.status.rawValue,
                                   h.acceptedOn, h.acceptedBy, h.reopened])
    }

    /// The register of a round in its order, each finding with its version.
    public func register(round: String) throws -> [(finding: HazardFinding, version: Int)] {
        try read { db in try requireRound(round, db); return try register(round: round, db) }
    }

    func register(round: String, _ db: Database) throws -> [(finding: HazardFinding, version: Int)] {
        try Row.fetchAll(db, sql: "SELECT * FROM hazard_register WHERE round_id = ? ORDER BY position", arguments: [round]).map { row in
            var h = HazardFinding(facilityID: row["facility_id"], code: row["code"], description: row["description"],
                                  foundOn: row["found_on"], line: (row["position"] as Int) + 2)
            h.id = row["id"]
            h.level = HazardLevel(rawValue: row["level"]) ?? .major
            h.veto = row["veto"]
            h.inspection = row["inspection"]
            h.foundBy = row["found_by"]
            h.deadline = row["deadline"]
            h.responsible = row["responsible"]
            h.measures = row["measures"]
            h.funds = row["funds"]
            h.plan = row["plan"]
            h.status = HazardStatus(rawValue: row["status"]) ?? .open
            h.acceptedOn = row["accepted_on"]
            h.acceptedBy = row["accepted_by"]
            h.reopened = row["reopened"]
            return (h, row["version"])
        }
    }

    /// Adds a finding (checked by the caller against the lists) to a stored round's register.
    public func addHazard(_ h: HazardFinding, round: String, change: HazardChange) throws {
        try write { db in
            try requireRound(round, db)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM facilities WHERE round_id = ? AND id = ?)", arguments: [round, h.facilityID]) == true else {
                throw MineRiskError.invalid(SourceLocation(file: path, path: "facility"), "facility \"\(h.facilityID)\" is not in round \(round)")
            }
            if try current(round: round, id: h.id, db) != nil {
                throw MineRiskError.cannotCreate("\(path): hazard \(h.id) is already in round \(round)")
            }
            let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position) + 1, 0) FROM hazard_register WHERE round_id = ?", arguments: [round]) ?? 0
            try insertFinding(h, position: position, round: round, db)
            try log(db, round: round, hazard: h.id, action: "add", actor: change.actor, from: nil, to: h.status, version: 1, detail: h.code)
        }
    }

    /// Adds findings read from a workbook in one transaction: all of them, or none when an id is already there.
    public func addHazards(_ hazards: [HazardFinding], round: String, source: String, change: HazardChange) throws {
        try write { db in
            try requireRound(round, db)
            let existing = Set(try register(round: round, db).map(\.finding.id))
            if let clash = hazards.first(where: { existing.contains($0.id) }) {
                throw MineRiskError.cannotCreate("\(path): hazard \(clash.id) is already in round \(round); nothing was imported")
            }
            var position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position) + 1, 0) FROM hazard_register WHERE round_id = ?", arguments: [round]) ?? 0
            for h in hazards {
                try insertFinding(h, position: position, round: round, db)
                try log(db, round: round, hazard: h.id, action: "import", actor: change.actor, from: nil, to: h.status, version: 1, detail: "\(source) line \(h.line)")
                position += 1
            }
        }
    }

    /// Changes a finding: `body` edits it; a change made on a stale version is refused as a conflict.
    @discardableResult
    public func updateHazard(_ id: String, round: String, action: String, change: HazardChange,
                             _ body: (inout HazardFinding) throws -> String) throws -> HazardFinding {
        try write { db in
            try requireRound(round, db)
            guard let (old, version) = try current(round: round, id: id, db) else {
                let ids = try register(round: round, db).map(\.finding.id)
                throw HazardChange.notFound(store: path, hazard: id, round: round, ids: ids)
            }
            if let expected = change.expectedVersion, expected != version {
                throw HazardChange.conflict(store: path, hazard: id, expected: expected, found: version)
            }
            var h = old
            let detail = try body(&h)
            try db.execute(sql: """
                UPDATE hazard_register SET code = ?, level = ?, veto = ?, description = ?, inspection = ?, found_by = ?, deadline = ?,
                    responsible = ?, measures = ?, funds = ?, plan = ?, status = ?, accepted_on = ?, accepted_by = ?, reopened = ?,
                    version = version + 1
                WHERE round_id = ? AND id = ? AND version = ?
                """, arguments: [h.code, h.level.rawValue, h.veto, h.description, h.inspection, h.foundBy, h.deadline, h.responsible,
                                 h.measures, h.funds, h.plan, h.status.rawValue, h.acceptedOn, h.acceptedBy, h.reopened, round, id, version])
            try log(db, round: round, hazard: id, action: action, actor: change.actor, from: old.status, to: h.status, version: version + 1, detail: detail)
            return h
        }
    }

    /// The action log of a round, oldest first.
    public func hazardActions(round: String) throws -> [HazardAction] {
        try read { db in try hazardActions(round: round, db) }
    }

    func hazardActions(round: String, _ db: Database) throws -> [HazardAction] {
        try Row.fetchAll(db, sql: "SELECT * FROM hazard_actions WHERE round_id = ? ORDER BY seq", arguments: [round]).map {
            HazardAction(seq: $0["seq"], hazard: $0["hazard_id"], action: $0["action"], actor: $0["actor"], at: $0["at"],
                         from: $0["from_status"], to: $0["to_status"], version: $0["version"], detail: $0["detail"])
        }
    }

    private func current(round: String, id: String, _ db: Database) throws -> (HazardFinding, Int)? {
        try register(round: round, db).first { $0.finding.id == id }.map { ($0.finding, $0.version) }
    }

    private func log(_ db: Database, round: String, hazard: String, action: String, actor: String, from: HazardStatus?,
                     to: HazardStatus, version: Int, detail: String) throws {
        try db.execute(sql: "INSERT INTO hazard_actions (round_id, hazard_id, action, actor, at, from_status, to_status, version, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [round, hazard, action, actor, storeTimestamp(), from?.rawValue, to.rawValue, version, detail])
    }
}

extension ExportedFile {
    /// A file written beside an exported round (the changed register, its action log).
    public static func written(name: String, path: String, bytes: Int, sha256: String) -> ExportedFile {
        ExportedFile(name: name, path: path, bytes: bytes, sha256: sha256)
    }
}
