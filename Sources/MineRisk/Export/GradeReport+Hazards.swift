extension GradeReport {
    /// The report as `minerisk grade` writes it, with the register's summary in the workbook and the HTML when
    /// the dataset has a register.
    public func rendered(as format: OutputFormat, models: ModelSet, colour: Bool,
                         hazards: (asOf: String, summary: HazardSummary)?) throws -> RenderedOutput {
        guard let hazards else { return try rendered(as: format, models: models, colour: colour) }
        switch format {
        case .xlsx:
            var book = workbook()
            book.sheets += hazards.summary.sheets(asOf: hazards.asOf)
            return .workbook(book)
        case .html:
            var document = HTMLReport(report: self, models: models)
            document.hazards = hazards
            return .text(document.render())
        default:
            return try rendered(as: format, models: models, colour: colour)
        }
    }
}
