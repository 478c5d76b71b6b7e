import ArgumentParser

struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "The safety information database: every round of assessments and grades, in one SQLite file or on a PostgreSQL server.",
        discussion: """
        The store is minerisk.sqlite in the working folder, or --db PATH, or a PostgreSQL database shared by \
        many users: --db postgres://user@host:port/dbname (or MINERISK_DB; the password in PGPASSWORD). \
        Import a round's data folder with `db import --round ID`, grade it with `grade --round ID --save`, \
        then read it back with `db rounds`, `db history FACILITY_ID` and `db diff ROUND_A ROUND_B`; \
        `db export` writes a round's files back out; `db warnings` reads back a run saved by `warn --save`; `db users` manages a PostgreSQL store's county and bureau users.
        """,
        subcommands: [DbImportCommand.self, DbRoundsCommand.self, DbHistoryCommand.self, DbDiffCommand.self, DbExportCommand.self, DbWarningsCommand.self, DbUsersCommand.self]
    )
}
