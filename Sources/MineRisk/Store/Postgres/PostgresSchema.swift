/// The PostgreSQL store's schema: the SQLite store's tables (`StoreSchema`), in PostgreSQL's types, built by
/// migrations registered by name in `minerisk_migrations`, so that an older database upgrades in place.
///
/// A migration, once released, is never edited: a change is a new migration appended here. The names of the first
/// four are those of the SQLite store's, for the same tables.
enum PostgresSchema {
    struct Migration {
        let name: String
        let statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(name: "v1-initial", statements: initial),
        Migration(name: "v2-scenario-runs", statements: scenarioRuns),
        Migration(name: "v3-hazard-register", statements: hazardRegister),
        Migration(name: "v4-monitoring", statements: monitoring),
        Migration(name: "v5-county-access", statements: countyAccess),
    ]

    /// The table of applied migrations, made before any migration runs.
    static let ledger = """
        CREATE TABLE IF NOT EXISTS minerisk_migrations (
            name text PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now(),
            engine text NOT NULL
        )
        """

    /// The advisory lock key that serialises migrations between processes ("MRsk" as in the SQLite application id).
    static let migrationLock: Int64 = 0x4D52_736B

    /// As `StoreSchema.initial`. Positions keep file order; a county import appends after the round's last position.
    /// Assessments carry no foreign keys: checked row by row they took half of a national import (40,000 facilities
    /// × 7 experts: 6 million rows); an import checks them in one query instead (`PostgresStore.checkAssessments`),
    /// and the stores delete them with their facilities.
    static let initial = [
        """
        CREATE TABLE rounds (
            id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
            imported_at text NOT NULL,
            source text NOT NULL,
            engine text NOT NULL,
            models_json text NOT NULL
        )
        """,
        """
        CREATE TABLE round_files (
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            name text NOT NULL,
            sha256 text NOT NULL,
            content bytea NOT NULL,
            PRIMARY KEY (round_id, name)
        )
        """,
        """
        CREATE TABLE facilities (
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            id text NOT NULL,
            position integer NOT NULL,
            name text NOT NULL,
            kind text NOT NULL,
            county text NOT NULL,
            standardized boolean NOT NULL,
            status text NOT NULL,
            idle_months integer NOT NULL CHECK (idle_months >= 0),
            storage_volume_10k_m3 double precision,
            dam_height_m double precision,
            online_monitoring boolean,
            slope_safety_factor double precision,
            required_safety_factor double precision,
            freeboard_ok boolean,
            beach_length_ok boolean,
            flood_discharge text,
            capacity_tpa double precision,
            PRIMARY KEY (round_id, id),
            UNIQUE (round_id, position)
        )
        """,
        "CREATE INDEX facilities_by_id ON facilities(id)",
        "CREATE INDEX facilities_by_county ON facilities(round_id, county)",
        """
        CREATE TABLE experts (
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            id text NOT NULL,
            position integer NOT NULL,
            name text NOT NULL,
            title text NOT NULL,
            weight double precision NOT NULL CHECK (weight > 0),
            PRIMARY KEY (round_id, id)
        )
        """,
        """
        CREATE TABLE assessments (
            round_id text NOT NULL,
            position bigint NOT NULL,
            facility_id text NOT NULL,
            expert_id text NOT NULL,
            indicator_id text NOT NULL,
            value double precision NOT NULL,
            PRIMARY KEY (round_id, position),
            UNIQUE (round_id, facility_id, expert_id, indicator_id)
        )
        """,
        """
        CREATE TABLE hazards (
            round_id text NOT NULL,
            position integer NOT NULL,
            facility_id text NOT NULL,
            code text NOT NULL,
            description text NOT NULL,
            found_on text NOT NULL,
            PRIMARY KEY (round_id, position),
            FOREIGN KEY (round_id, facility_id) REFERENCES facilities(round_id, id) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE coal_mines (
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            id text NOT NULL,
            position integer NOT NULL,
            name text NOT NULL,
            county text NOT NULL,
            capacity_tpa double precision NOT NULL CHECK (capacity_tpa > 0),
            status text NOT NULL CHECK (status IN ('operating', 'closed')),
            closed_year integer,
            reason text,
            PRIMARY KEY (round_id, id),
            CHECK ((status = 'closed') = (closed_year IS NOT NULL))
        )
        """,
        """
        CREATE TABLE accidents (
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            year integer NOT NULL,
            accidents integer NOT NULL CHECK (accidents >= 0),
            deaths integer NOT NULL CHECK (deaths >= 0),
            PRIMARY KEY (round_id, year)
        )
        """,
        """
        CREATE TABLE grade_runs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            created_at text NOT NULL,
            engine text NOT NULL,
            models_json text NOT NULL,
            ri_table text NOT NULL,
            options_json text NOT NULL,
            seed text,
            provenance_json text NOT NULL,
            summary_json text NOT NULL
        )
        """,
        "CREATE INDEX grade_runs_by_round ON grade_runs(round_id, id)",
        """
        CREATE TABLE grade_results (
            run_id bigint NOT NULL REFERENCES grade_runs(id) ON DELETE CASCADE,
            facility_id text NOT NULL,
            position integer NOT NULL,
            status text NOT NULL CHECK (status IN ('graded', 'incomplete')),
            grade text CHECK (grade IN ('low', 'general', 'significant', 'major')),
            score double precision,
            membership_json text,
            vetoes_json text NOT NULL,
            missing_json text NOT NULL,
            findings_json text NOT NULL,
            tailings_class integer,
            safety_degree text,
            inspection_priority integer,
            experts integer NOT NULL,
            PRIMARY KEY (run_id, facility_id)
        )
        """,
        "CREATE INDEX grade_results_by_facility ON grade_results(facility_id)",
    ]

    /// As `StoreSchema.scenarioRuns`.
    static let scenarioRuns = [
        """
        CREATE TABLE scenario_runs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            definition text NOT NULL,
            result_json text NOT NULL CHECK (result_json::jsonb IS NOT NULL),
            created_at text NOT NULL,
            engine text NOT NULL
        )
        """,
    ]

    /// As `StoreSchema.hazardRegister`: the register with a version every change bumps, and its append-only action
    /// log (DOMAIN §10: every status change kept — who, when, from, to), enforced by a trigger.
    static let hazardRegister = [
        """
        CREATE TABLE hazard_register (
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            id text NOT NULL,
            position integer NOT NULL,
            facility_id text NOT NULL,
            code text NOT NULL,
            level text NOT NULL CHECK (level IN ('general', 'major')),
            veto text,
            description text NOT NULL,
            inspection text NOT NULL,
            found_on text NOT NULL,
            found_by text NOT NULL,
            deadline text NOT NULL,
            responsible text NOT NULL,
            measures text NOT NULL,
            funds text NOT NULL,
            plan text NOT NULL,
            status text NOT NULL CHECK (status IN ('open', 'rectifying', 'closed')),
            accepted_on text NOT NULL,
            accepted_by text NOT NULL,
            reopened integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (round_id, id),
            FOREIGN KEY (round_id, facility_id) REFERENCES facilities(round_id, id) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE hazard_actions (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            round_id text NOT NULL,
            hazard_id text NOT NULL,
            facility_id text NOT NULL,
            action text NOT NULL,
            actor text NOT NULL,
            at text NOT NULL,
            from_status text,
            to_status text NOT NULL,
            version integer NOT NULL,
            detail text NOT NULL
        )
        """,
        "CREATE INDEX hazard_actions_by_round ON hazard_actions(round_id, seq)",
        """
        CREATE FUNCTION minerisk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM rounds WHERE id = OLD.round_id) THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'hazard_actions is append-only';
        END $$
        """,
        """
        CREATE TRIGGER hazard_actions_append_only BEFORE UPDATE OR DELETE ON hazard_actions
        FOR EACH ROW EXECUTE FUNCTION minerisk_append_only()
        """,
    ]

    /// As `StoreSchema.monitoring` (GB 51108-2015 §8.2: raw readings, results and warnings in three stores apart).
    /// Readings carry their round and their place in the file, which is the order they read back in.
    static let monitoring = [
        """
        CREATE TABLE monitoring_points (
            series bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            id text NOT NULL,
            position integer NOT NULL,
            facility_id text NOT NULL,
            item text NOT NULL,
            unit text NOT NULL,
            location text NOT NULL,
            installed_on text NOT NULL,
            interval_minutes integer NOT NULL CHECK (interval_minutes BETWEEN 1 AND 1440),
            UNIQUE (round_id, id),
            UNIQUE (round_id, position),
            FOREIGN KEY (round_id, facility_id) REFERENCES facilities(round_id, id) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE monitoring_readings (
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            seq bigint NOT NULL,
            series bigint NOT NULL,
            time bigint NOT NULL,
            offset_minutes smallint NOT NULL CHECK (offset_minutes BETWEEN -1080 AND 1080),
            value double precision NOT NULL,
            quality smallint NOT NULL CHECK (quality BETWEEN 0 AND 2),
            PRIMARY KEY (round_id, seq)
        )
        """,
        """
        CREATE TABLE warning_runs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            round_id text NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            created_at text NOT NULL,
            engine text NOT NULL,
            as_of text NOT NULL,
            window_from text,
            window_to text,
            source text NOT NULL,
            thresholds_file text NOT NULL,
            thresholds_sha256 text NOT NULL CHECK (length(thresholds_sha256) = 64),
            readings_file text NOT NULL,
            readings bigint NOT NULL CHECK (readings >= 0),
            readings_used bigint NOT NULL CHECK (readings_used >= 0),
            persistence integer NOT NULL CHECK (persistence >= 1),
            provenance_json text NOT NULL CHECK (provenance_json::jsonb IS NOT NULL),
            summary_json text NOT NULL CHECK (summary_json::jsonb IS NOT NULL)
        )
        """,
        "CREATE INDEX warning_runs_by_round ON warning_runs(round_id, id)",
        """
        CREATE TABLE warning_levels (
            run_id bigint NOT NULL REFERENCES warning_runs(id) ON DELETE CASCADE,
            position integer NOT NULL,
            scope text NOT NULL CHECK (scope IN ('pond', 'item', 'point')),
            facility_id text NOT NULL,
            item text,
            point_id text,
            level text NOT NULL CHECK (level IN ('none', 'blue', 'yellow', 'orange', 'red')),
            value double precision,
            basis text,
            threshold double precision,
            time text,
            status text,
            thresholds text,
            source text,
            pond_class integer,
            monitoring_required boolean,
            findings_json text CHECK (findings_json IS NULL OR findings_json::jsonb IS NOT NULL),
            PRIMARY KEY (run_id, position),
            CHECK ((scope = 'pond') = (item IS NULL)),
            CHECK ((scope = 'point') = (point_id IS NOT NULL))
        )
        """,
        "CREATE INDEX warning_levels_by_facility ON warning_levels(facility_id)",
        """
        CREATE TABLE warning_log (
            run_id bigint NOT NULL REFERENCES warning_runs(id) ON DELETE CASCADE,
            position integer NOT NULL,
            facility_id text NOT NULL,
            item text NOT NULL,
            level text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
            start_at text NOT NULL,
            peak_at text NOT NULL,
            end_at text,
            peak_point text NOT NULL,
            peak_value double precision,
            peak_threshold double precision,
            PRIMARY KEY (run_id, position)
        )
        """,
        "CREATE INDEX warning_log_by_facility ON warning_log(facility_id)",
    ]

    /// Access by county, enforced by the server (PostgreSQL 15 documentation §5.8, "Row Security Policies"):
    /// two group roles, a table of which counties each county user may write, and policies on the tables that hold a
    /// county's rows. A bureau user reads and writes everything; a county user reads everything and writes only the
    /// facilities, assessments, hazards, register entries and coal mines of its counties. Roles are cluster-wide,
    /// so they are made only when missing (and another database's migration may be making them at the same moment).
    static let countyAccess: [String] = {
        var statements = [
            """
            DO $$ BEGIN
                BEGIN CREATE ROLE minerisk_bureau NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
                BEGIN CREATE ROLE minerisk_county NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            END $$
            """,
            """
            CREATE TABLE user_counties (
                username text NOT NULL,
                county text NOT NULL,
                PRIMARY KEY (username, county)
            )
            """,
            // A function the policies share: the counties the current user may write (empty for anyone else).
            """
            CREATE FUNCTION minerisk_my_counties() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$ SELECT county FROM user_counties WHERE username = session_user $$
            """,
            "GRANT USAGE ON SCHEMA public TO minerisk_bureau, minerisk_county",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO minerisk_bureau",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO minerisk_bureau, minerisk_county",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO minerisk_county",
            // What a county import and a county's register work write; rounds and experts only gain rows.
            "GRANT INSERT ON rounds, experts, round_files, hazard_actions, grade_runs, grade_results, scenario_runs, warning_runs, warning_levels, warning_log TO minerisk_county",
            "GRANT INSERT, UPDATE, DELETE ON facilities, assessments, hazards, hazard_register, coal_mines TO minerisk_county",
            "GRANT DELETE ON round_files TO minerisk_county",
            "REVOKE ALL ON user_counties FROM minerisk_county",
            "GRANT EXECUTE ON FUNCTION minerisk_my_counties() TO minerisk_bureau, minerisk_county",
        ]
        // The tables with a county's rows, and the test that a row is one of the user's counties'.
        let owned: [(table: String, check: String)] = [
            ("facilities", "county IN (SELECT minerisk_my_counties())"),
            ("coal_mines", "county IN (SELECT minerisk_my_counties())"),
            ("assessments", "EXISTS (SELECT 1 FROM facilities f WHERE f.round_id = assessments.round_id AND f.id = assessments.facility_id AND f.county IN (SELECT minerisk_my_counties()))"),
            ("hazards", "EXISTS (SELECT 1 FROM facilities f WHERE f.round_id = hazards.round_id AND f.id = hazards.facility_id AND f.county IN (SELECT minerisk_my_counties()))"),
            ("hazard_register", "EXISTS (SELECT 1 FROM facilities f WHERE f.round_id = hazard_register.round_id AND f.id = hazard_register.facility_id AND f.county IN (SELECT minerisk_my_counties()))"),
            ("hazard_actions", "EXISTS (SELECT 1 FROM facilities f WHERE f.round_id = hazard_actions.round_id AND f.id = hazard_actions.facility_id AND f.county IN (SELECT minerisk_my_counties()))"),
            // A county import archives its files under counties/COUNTY/.
            ("round_files", "split_part(name, '/', 1) = 'counties' AND split_part(name, '/', 2) IN (SELECT minerisk_my_counties())"),
        ]
        for (table, check) in owned {
            statements += [
                "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY bureau_all ON \(table) TO minerisk_bureau USING (true) WITH CHECK (true)",
                "CREATE POLICY county_read ON \(table) FOR SELECT TO minerisk_county USING (true)",
                "CREATE POLICY county_insert ON \(table) FOR INSERT TO minerisk_county WITH CHECK (\(check))",
                "CREATE POLICY county_update ON \(table) FOR UPDATE TO minerisk_county USING (\(check)) WITH CHECK (\(check))",
                "CREATE POLICY county_delete ON \(table) FOR DELETE TO minerisk_county USING (\(check))",
            ]
        }
        return statements
    }()
}
