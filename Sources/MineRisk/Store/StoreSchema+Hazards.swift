import GRDB

extension StoreSchema {
    /// The hidden-danger register of each round, one row per finding with a version that every change bumps,
    /// and its append-only action log (DOMAIN §10: every status change kept — who, when, from, to).
    static func hazardRegister(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hazard_register (
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                facility_id TEXT NOT NULL,
                code TEXT NOT NULL,
                level TEXT NOT NULL CHECK (level IN ('general', 'major')),
                veto TEXT,
                description TEXT NOT NULL,
                inspection TEXT NOT NULL,
                found_on TEXT NOT NULL,
                found_by TEXT NOT NULL,
                deadline TEXT NOT NULL,
                responsible TEXT NOT NULL,
                measures TEXT NOT NULL,
                funds TEXT NOT NULL,
                plan TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'rectifying', 'closed')),
                accepted_on TEXT NOT NULL,
                accepted_by TEXT NOT NULL,
                reopened INTEGER NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (round_id, id)
            );
            CREATE TABLE hazard_actions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                round_id TEXT NOT NULL,
                hazard_id TEXT NOT NULL,
                action TEXT NOT NULL,
                actor TEXT NOT NULL,
                at TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT NOT NULL,
                version INTEGER NOT NULL,
                detail TEXT NOT NULL
            );
            CREATE TRIGGER hazard_actions_append_only BEFORE UPDATE ON hazard_actions
            BEGIN SELECT RAISE(ABORT, 'hazard_actions is append-only'); END;
            CREATE TRIGGER hazard_actions_keep BEFORE DELETE ON hazard_actions
            WHEN EXISTS (SELECT 1 FROM rounds WHERE id = OLD.round_id)
            BEGIN SELECT RAISE(ABORT, 'hazard_actions is append-only'); END;
            """)
        // Rounds stored before the register: their hazards rows were model veto codes (major), open, with no id.
        try db.execute(sql: """
            INSERT INTO hazard_register (round_id, id, position, facility_id, code, level, veto, description, inspection, found_on,
                found_by, deadline, responsible, measures, funds, plan, status, accepted_on, accepted_by, reopened, version)
            SELECT round_id, facility_id || ':' || (position + 2), position, facility_id, code, 'major', code, description, '', found_on,
                '', '', '', '', '', '', 'open', '', '', 0, 1
            FROM hazards ORDER BY round_id, position;
            INSERT INTO hazard_actions (round_id, hazard_id, action, actor, at, from_status, to_status, version, detail)
            SELECT round_id, facility_id || ':' || (position + 2), 'import', 'upgrade', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL, 'open', 1,
                'hazards.csv:' || (position + 2)
            FROM hazards ORDER BY round_id, position;
            """)
    }
}
