import GRDB

extension StoreSchema {
    /// The ponds' online monitoring, kept in three stores apart as GB 51108-2015 §8.2 requires (DOMAIN §9): the raw
    /// readings as imported (`monitoring_points`, `monitoring_readings`), the results computed from them
    /// (`warning_runs`, `warning_levels`) and the warnings (`warning_log`). A warning run never changes a reading.
    static func monitoring(_ db: Database) throws {
        // GB 51108-2015 §8.2: the raw data store. One row per sensor of points.csv; `series` keys its readings.
        try db.execute(sql: """
            CREATE TABLE monitoring_points (
                series INTEGER PRIMARY KEY,
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                facility_id TEXT NOT NULL,
                item TEXT NOT NULL,
                unit TEXT NOT NULL,
                location TEXT NOT NULL,
                installed_on TEXT NOT NULL,
                interval_minutes INTEGER NOT NULL CHECK (interval_minutes BETWEEN 1 AND 1440),
                UNIQUE (round_id, id),
                UNIQUE (round_id, position),
                FOREIGN KEY (round_id, facility_id) REFERENCES facilities(round_id, id) ON DELETE CASCADE
            );
            CREATE TABLE monitoring_readings (
                series INTEGER NOT NULL,
                time INTEGER NOT NULL,
                offset_minutes INTEGER NOT NULL CHECK (offset_minutes BETWEEN -1080 AND 1080),
                value REAL NOT NULL,
                quality INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 2)
            );
            """)
        // The readings are kept in file order (rowid), appended as they stream in. A key on (series, time) makes every
        // insert land inside the tree, as the points interleave (the bundled round's readings through Python's sqlite3:
        // 3.5 s with it, 1.3 s without); `quality IN (0, 1, 2)` built a temporary table per row (4.0 s against 1.5 s
        // for the whole import through minerisk). Their checks (known point, time rising within a point, no repeat)
        // are the reader's; they read back in file order, and a round's readings are deleted by series
        // (`SQLiteStore.deleteRound`).
        // GB 51108-2015 §8.2: the results store. A run and how it was made; the levels of its ponds, items and points.
        try db.execute(sql: """
            CREATE TABLE warning_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                engine TEXT NOT NULL,
                as_of TEXT NOT NULL,
                window_from TEXT,
                window_to TEXT,
                source TEXT NOT NULL,
                thresholds_file TEXT NOT NULL,
                thresholds_sha256 TEXT NOT NULL CHECK (length(thresholds_sha256) = 64),
                readings_file TEXT NOT NULL,
                readings INTEGER NOT NULL CHECK (readings >= 0),
                readings_used INTEGER NOT NULL CHECK (readings_used >= 0),
                persistence INTEGER NOT NULL CHECK (persistence >= 1),
                provenance_json TEXT NOT NULL CHECK (json_valid(provenance_json)),
                summary_json TEXT NOT NULL CHECK (json_valid(summary_json))
            );
            CREATE INDEX warning_runs_by_round ON warning_runs(round_id, id);
            CREATE TABLE warning_levels (
                run_id INTEGER NOT NULL REFERENCES warning_runs(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                scope TEXT NOT NULL CHECK (scope IN ('pond', 'item', 'point')),
                facility_id TEXT NOT NULL,
                item TEXT,
                point_id TEXT,
                level TEXT NOT NULL CHECK (level IN ('none', 'blue', 'yellow', 'orange', 'red')),
                value REAL,
                basis TEXT,
                threshold REAL,
                time TEXT,
                status TEXT,
                thresholds TEXT,
                source TEXT,
                pond_class INTEGER,
                monitoring_required INTEGER CHECK (monitoring_required IN (0, 1)),
                findings_json TEXT CHECK (findings_json IS NULL OR json_valid(findings_json)),
                PRIMARY KEY (run_id, position),
                CHECK ((scope = 'pond') = (item IS NULL)),
                CHECK ((scope = 'point') = (point_id IS NOT NULL))
            ) WITHOUT ROWID;
            CREATE INDEX warning_levels_by_facility ON warning_levels(facility_id);
            """)
        // GB 51108-2015 §8.2: the warnings store. Each warning of an item of a pond: start, peak and end (NULL while open).
        try db.execute(sql: """
            CREATE TABLE warning_log (
                run_id INTEGER NOT NULL REFERENCES warning_runs(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                facility_id TEXT NOT NULL,
                item TEXT NOT NULL,
                level TEXT NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
                start_at TEXT NOT NULL,
                peak_at TEXT NOT NULL,
                end_at TEXT,
                peak_point TEXT NOT NULL,
                peak_value REAL,
                peak_threshold REAL,
                PRIMARY KEY (run_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX warning_log_by_facility ON warning_log(facility_id);
            """)
    }
}
