import ArgumentParser
import Foundation
import MineRisk

struct FormsMakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make",
        abstract: "Write one scoring workbook per expert, one sheet per facility kind.",
        discussion: """
        A facility's panel is the experts with a value for it in the round; each member's workbook lists the \
        facility's pairs nobody has a value for. A facility with no value at all goes to the experts of its \
        field (those assessing facilities of the same kind). Without --only-missing every pair of the expert's \
        facilities is listed, the values the expert already gave shown and locked.

        Level indicators get a drop-down of the votes 1–4, numeric ones a range check; the sheets are protected \
        so that only the value cells can be edited. Files are named scoring-form-EXPERT.xlsx; an expert with \
        nothing to fill gets none.
        """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: "The expert whose form to make (repeatable).")
    var expert: [String] = []

    @Flag(name: .long, help: "Make a form for every expert who has something to fill.")
    var all = false

    @Flag(name: .long, help: "List only the pairs no expert has a value for.")
    var onlyMissing = false

    @Option(name: .shortAndLong, help: "The folder to write the workbooks to (created if missing).")
    var output: String

    func validate() throws {
        if all == !expert.isEmpty { throw ValidationError("pass --expert ID or --all (one of the two)") }
    }

    func run() throws {
        try runReporting {
            let models = try data.loadModels()
            let dataset = try data.loadData(models: models)
            let forms = try ScoringFormPlanner(dataset: dataset, models: models).forms(experts: all ? nil : expert, onlyMissing: onlyMissing)
            try createFolder(output)
            let created = Date()
            var written: [(form: ScoringForm, path: String)] = []
            for form in forms {
                let path = (output as NSString).appendingPathComponent(ScoringFormLayout.fileName(expert: form.expert.id))
                try AtomicWriter.checkWritable(path)
                try form.workbook(created: created).write(to: path)
                written.append((form, path))
            }
            let asked = all ? dataset.experts.map(\.id) : expert
            print(ScoringForm.summary(written, without: asked.filter { id in !forms.contains { $0.expert.id == id } }), terminator: "")
        }
    }
}

/// Creates an output folder if it is missing (its parent must exist); refuses a file in its place (exit 73).
func createFolder(_ folder: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else { throw MineRiskError.cannotCreate("\(folder): is a file; --output expects a folder") }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    } catch {
        throw MineRiskError.cannotCreate("\(folder): cannot create the folder: \(error.localizedDescription)")
    }
}
