import ArgumentParser
import Foundation
import MineRisk

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: the grade table and its charts, ready to print on A4.",
        discussion: """
        The file needs no network: styles and SVG charts are inline, and text uses the system's CJK fonts
        (Noto Sans CJK, WenQuanYi, …). Pass --output - to write to standard output.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var grading: GradingOptionGroup

    @Option(name: .shortAndLong, help: "The HTML file to write (atomically); - for standard output.")
    var output: String = "report.html"

    func run() throws {
        try runReporting {
            let destination = output == "-" ? nil : output
            if let destination { try AtomicWriter.checkWritable(destination) }
            let models = try dataOptions.loadModels()
            let data = try dataOptions.loadData(models: models)
            let report = try Grader(models: models, options: try grading.options()).grade(data)
            let html = HTMLReport(report: report, models: models).render()
            if let destination {
                try AtomicWriter.write(html, to: destination)
                FileHandle.standardError.write(Data("minerisk: report written to \(destination)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(html.utf8))
            }
        }
    }
}
