import ArgumentParser
import Foundation
import MineRisk

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade every facility of a dataset: red, orange, yellow or blue.",
        discussion: """
        Facilities whose assessment is incomplete are listed with the indicators they miss, not graded.
        A major accident hazard in hazards.csv grades its facility major whatever its score.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var grading: GradingOptionGroup
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup(title: "Store") var storeOptions: GradeStoreOptions

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(allowed: [.table, .csv, .json, .markdown, .xlsx, .html])
            try outputOptions.checkDestination(format: format)
            let models = try dataOptions.loadModels()
            let data = try storeOptions.loadData(models: models, dataOptions: dataOptions)
            let report = try Grader(models: models, options: try grading.options()).grade(data)
            try storeOptions.saveIfAsked(report)
            try writeRejects(report)
            switch format {
            case .table: try outputOptions.emit(report.table(colour: outputOptions.output == nil && terminalWantsColour))
            case .csv: try outputOptions.stream { try report.writeCSV(to: $0) }
            case .json: try outputOptions.stream { try report.writeJSON(to: $0) }
            case .markdown: try outputOptions.emit(report.markdown())
            case .xlsx: try report.workbook().write(to: outputOptions.output!)
            case .html: try outputOptions.emit(HTMLReport(report: report, models: models).render())
            }
        }
    }

    /// With --skip-invalid, every rejected row goes to a reject file beside the output (or in the working folder).
    private func writeRejects(_ report: GradeReport) throws {
        guard dataOptions.skipInvalid else { return }
        let base = outputOptions.output.map { ($0 as NSString).deletingPathExtension } ?? "minerisk"
        let path = base + ".rejects.csv"
        var writer = CSVWriter()
        writer.row(["file", "line", "reason"])
        for reject in report.rejects { writer.row([reject.file, String(reject.line), reject.reason]) }
        try AtomicWriter.write(writer.text, to: path)
        FileHandle.standardError.write(Data("minerisk: \(report.rejects.count) rejected rows written to \(path)\n".utf8))
    }
}
