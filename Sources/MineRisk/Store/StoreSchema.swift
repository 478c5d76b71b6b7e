import GRDB

/// The store's schema, built by migrations registered by name, so that an older store upgrades in place.
///
/// A migration, once released, is never edited: a change to the schema is a new migration appended here.
enum StoreSchema {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in try initial(db) }
        migrator.registerMigration("v2-scenario-runs") { db in try scenarioRuns(db) }
        migrator.registerMigration("v3-hazard-register") { db in try hazardRegister(db) }
        migrator.registerMigration("v4-monitoring") { db in try monitoring(db) }
        return migrator
    }

    /// Rounds and what each holds: the archived files, facilities, experts, assessments, hazards,
    /// the coal register, the yearly accident counts, and the grading runs made from them.
    static func initial(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE rounds (
                id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
                imported_at TEXT NOT NULL,
                source TEXT NOT NULL,
                engine TEXT NOT NULL,
                models_json TEXT NOT NULL
            );
            CREATE TABLE round_files (
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                content BLOB NOT NULL,
                PRIMARY KEY (round_id, name)
            );
            CREATE TABLE facilities (
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                county TEXT NOT NULL,
                standardized INTEGER NOT NULL CHECK (standardized IN (0, 1)),
                status TEXT NOT NULL,
                idle_months INTEGER NOT NULL CHECK (idle_months >= 0),
                storage_volume_10k_m3 REAL,
                dam_height_m REAL,
                online_monitoring INTEGER,
                slope_safety_factor REAL,
                required_safety_factor REAL,
                freeboard_ok INTEGER,
                beach_length_ok INTEGER,
                flood_discharge TEXT,
                capacity_tpa REAL,
                PRIMARY KEY (round_id, id),
                UNIQUE (round_id, position)
            );
            CREATE INDEX facilities_by_id ON facilities(id);
            CREATE TABLE experts (
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                title TEXT NOT NULL,
                weight REAL NOT NULL CHECK (weight > 0),
                PRIMARY KEY (round_id, id),
                UNIQUE (round_id, position)
            );
            CREATE TABLE assessments (
                round_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                facility_id TEXT NOT NULL,
                expert_id TEXT NOT NULL,
                indicator_id TEXT NOT NULL,
                value REAL NOT NULL,
                PRIMARY KEY (round_id, position),
                UNIQUE (round_id, facility_id, expert_id, indicator_id),
                FOREIGN KEY (round_id, facility_id) REFERENCES facilities(round_id, id) ON DELETE CASCADE,
                FOREIGN KEY (round_id, expert_id) REFERENCES experts(round_id, id) ON DELETE CASCADE
            ) WITHOUT ROWID;
            CREATE TABLE hazards (
                round_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                facility_id TEXT NOT NULL,
                code TEXT NOT NULL,
                description TEXT NOT NULL,
                found_on TEXT NOT NULL,
                PRIMARY KEY (round_id, position),
                FOREIGN KEY (round_id, facility_id) REFERENCES facilities(round_id, id) ON DELETE CASCADE
            );
            CREATE TABLE coal_mines (
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                county TEXT NOT NULL,
                capacity_tpa REAL NOT NULL CHECK (capacity_tpa > 0),
                status TEXT NOT NULL CHECK (status IN ('operating', 'closed')),
                closed_year INTEGER,
                reason TEXT,
                PRIMARY KEY (round_id, id),
                CHECK ((status = 'closed') = (closed_year IS NOT NULL))
            );
            CREATE TABLE accidents (
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                year INTEGER NOT NULL,
                accidents INTEGER NOT NULL CHECK (accidents >= 0),
                deaths INTEGER NOT NULL CHECK (deaths >= 0),
                PRIMARY KEY (round_id, year)
            );
            CREATE TABLE grade_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                engine TEXT NOT NULL,
                models_json TEXT NOT NULL,
                ri_table TEXT NOT NULL,
                options_json TEXT NOT NULL,
                seed TEXT,
                provenance_json TEXT NOT NULL,
                summary_json TEXT NOT NULL
            );
            CREATE INDEX grade_runs_by_round ON grade_runs(round_id, id);
            CREATE TABLE grade_results (
                run_id INTEGER NOT NULL REFERENCES grade_runs(id) ON DELETE CASCADE,
                facility_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('graded', 'incomplete')),
                grade TEXT CHECK (grade IN ('low', 'general', 'significant', 'major')),
                score REAL,
                membership_json TEXT,
                vetoes_json TEXT NOT NULL,
                missing_json TEXT NOT NULL,
                findings_json TEXT NOT NULL,
                tailings_class INTEGER,
                safety_degree TEXT,
                inspection_priority INTEGER,
                experts INTEGER NOT NULL,
                PRIMARY KEY (run_id, facility_id)
            );
            CREATE INDEX grade_results_by_facility ON grade_results(facility_id);
            """)
    }

    /// Saved runs of the coal-closure scenarios: the scenario's definition as given and its result.
    static func scenarioRuns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE scenario_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                result_json TEXT NOT NULL CHECK (json_valid(result_json)),
                created_at TEXT NOT NULL,
                engine TEXT NOT NULL
            );
            """)
    }
}
