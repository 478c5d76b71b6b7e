/// What `minerisk grade` writes: the report, the models it was graded by (for the HTML report) and, when the
/// dataset has a register, its hidden-danger summary (a sheet of the workbook and a section of the HTML), made only
/// for the formats that show it.
public struct GradeOutput {
    public let report: GradeReport
    public let models: ModelSet
    public let hazards: () -> (asOf: String, summary: HazardSummary)?

    public init(report: GradeReport, models: ModelSet, hazards: @escaping () -> (asOf: String, summary: HazardSummary)? = { nil }) {
        self.report = report
        self.models = models
        self.hazards = hazards
    }

    /// The workbook: the report's sheets, then the register's summary.
    func workbook() -> XLSXWorkbook {
        var book = report.workbook()
        if let hazards = hazards() { book.sheets += hazards.summary.sheets(asOf: hazards.asOf) }
        return book
    }

    /// The HTML report, with the register's section when there is one.
    func html() -> String {
        var document = HTMLReport(report: report, models: models)
        document.hazards = hazards()
        return document.render()
    }
}
