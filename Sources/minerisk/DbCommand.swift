import ArgumentParser

struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "The safety information database: every round of assessments and grades, in one SQLite file.",
        discussion: """
        The store is minerisk.sqlite in the working folder, or --db PATH. \
        Import a round's data folder with `db import --round ID`, grade it with `grade --round ID --save`, \
        then read it back with `db rounds`, `db history FACILITY_ID` and `db diff ROUND_A ROUND_B`; \
        `db export` writes a round's files back out; `db warnings` reads back a run saved by `warn --save`.
        """,
        subcommands: [DbImportCommand.self, DbRoundsCommand.self, DbHistoryCommand.self, DbDiffCommand.self, DbExportCommand.self, DbWarningsCommand.self]
    )
}
