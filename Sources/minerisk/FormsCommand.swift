import ArgumentParser

struct FormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "Scoring forms (专家打分表): XLSX workbooks for the experts to fill, and reading them back.",
        discussion: """
        `forms make --all --only-missing --output forms/` writes one workbook per expert with the facility and \
        indicator pairs that keep facilities from being graded; `forms read forms/*.xlsx --output DIR` checks \
        every filled cell and writes a data folder with the values merged into assessments.csv.
        """,
        subcommands: [FormsMakeCommand.self, FormsReadCommand.self]
    )
}
