import ArgumentParser
import Foundation
import MineRisk

struct FormsReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read filled scoring workbooks and merge their values into the round's assessments.",
        discussion: """
        Workbooks saved by Excel, LibreOffice or WPS are read. Every value cell is checked as assessments.csv is: \
        a known facility and indicator, a number within the indicator's range, a whole vote 1–4 for a level \
        indicator; a problem names the file, sheet and cell (exit 65) and nothing is written.

        A value that differs from the one the expert already has in the round, or from the expert's value in \
        another workbook, is a conflict: all are listed and nothing is written (exit 65), unless --keep-recorded, \
        which writes the rest and keeps the recorded values.

        --output DIR writes a new data folder: the round's files with the merged assessments.csv (the new rows \
        after the old ones), ready for `grade --data DIR`. --db PATH --round ID merges into a stored round \
        instead (the round is re-imported, and its saved gradings, now out of date, are removed).
        """
    )

    @Argument(help: "The filled workbooks (.xlsx).")
    var files: [String]

    @OptionGroup var data: DataOptions

    @Option(name: .shortAndLong, help: "Write a new data folder with the merged assessments.csv (created if missing).")
    var output: String?

    @Option(name: .long, help: "Merge into this store's round (with --round) instead of writing a folder.")
    var db: String?

    @Option(name: .long, help: "The stored round to merge into (with --db).")
    var round: String?

    @Flag(name: .long, help: "On conflicts, keep the recorded values and write the other answers.")
    var keepRecorded = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one filled workbook") }
        switch (output, db, round) {
        case (_?, nil, nil), (nil, _?, _?): break
        default: throw ValidationError("pass either --output DIR, or --db PATH with --round ID")
        }
    }

    func run() throws {
        try runReporting {
            let models = try data.loadModels()
            var store: (any RoundStore)?
            defer { try? store?.close() }
            let dataset: Dataset
            if let db, let round {
                store = try StoreFactory.open(db, access: .write)
                dataset = try store!.dataset(round: round, models: models)
            } else {
                dataset = try data.loadData(models: models)
                try checkOutput(output!)
            }
            let reader = ScoringFormReader(dataset: dataset, models: models)
            var problems = ProblemList()
            var forms: [FilledForm] = []
            for file in files {
                do {
                    if let form = try reader.read(path: file, problems: &problems) { forms.append(form) }
                } catch let MineRiskError.invalidInput(found, _) {
                    // A workbook that cannot be read at all is one problem among the others' cells.
                    for problem in found { problems.add(problem.location, problem.message) }
                }
            }
            try problems.throwIfAny()
            let merge = AssessmentMerge(dataset: dataset, models: models, forms: forms)
            let report = merge.text(forms: forms, keptRecorded: keepRecorded)
            if !merge.conflicts.isEmpty && !keepRecorded {
                // Each conflict at its first cell; nothing is written.
                throw MineRiskError.invalidInput(merge.conflicts.map { conflict in
                    let pair = "\(conflict.expertID)'s \(conflict.indicatorID) of \(conflict.facilityID)"
                    let given = conflict.answers.map(\.value.clean).joined(separator: " and ")
                    let against = conflict.recorded.map { "is recorded as \($0.clean)" }
                        ?? "is given differently in \(conflict.answers.dropFirst().map(\.location.description).joined(separator: "; "))"
                    return InputProblem(conflict.answers[0].location, "conflict: \(pair) \(against), the form gives \(given); nothing was written (correct the forms, or pass --keep-recorded to keep the recorded values)")
                })
            }
            if let store, let round {
                try mergeIntoStore(store, round: round, merge: merge, models: models)
                print("Merged into round \(round) of \(store.location)")
            } else {
                let files = try writeFolder(output!, merge: merge)
                print("Wrote \(output!): \(files.joined(separator: ", "))")
            }
            print(report, terminator: "")
        }
    }

    /// The output folder must not be the data folder, nor hold a round's files already.
    private func checkOutput(_ folder: String) throws {
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        if resolved(folder) == resolved(data.data) {
            throw MineRiskError.usage("--output \(folder) is the data folder; write the merged round to a new folder")
        }
        for name in DatasetLoader.requiredFiles + RoundLoader.optionalFiles {
            let target = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target) {
                throw MineRiskError.cannotCreate("\(target): already exists; write the merged round into a new or empty folder")
            }
        }
    }

    /// Copies the round's files into the folder, assessments.csv with the merged values; returns the names written.
    private func writeFolder(_ folder: String, merge: AssessmentMerge) throws -> [String] {
        try createFolder(folder)
        let present = (DatasetLoader.requiredFiles + RoundLoader.optionalFiles).filter {
            FileManager.default.fileExists(atPath: (data.data as NSString).appendingPathComponent($0))
        }
        for name in present {
            let source = (data.data as NSString).appendingPathComponent(name)
            let target = (folder as NSString).appendingPathComponent(name)
            let content: Data
            if name == "assessments.csv" {
                content = try merge.mergedAssessments(TextFile(path: source, displayName: source))
            } else {
                guard let bytes = FileManager.default.contents(atPath: source) else { throw MineRiskError.io("\(source): cannot be read") }
                content = bytes
            }
            try AtomicWriter.write(content, to: target)
        }
        return present
    }

    /// Re-imports the stored round with the merged assessments.csv: its files are exported to a temporary folder,
    /// the merged file written there, the folder validated and imported in place of the round in one transaction.
    private func mergeIntoStore(_ store: any RoundStore, round: String, merge: AssessmentMerge, models: ModelSet) throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("minerisk-forms-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        _ = try store.exportRound(round, to: temporary)
        let assessments = (temporary as NSString).appendingPathComponent("assessments.csv")
        let merged = try merge.mergedAssessments(TextFile(path: assessments, displayName: "assessments.csv"))
        try AtomicWriter.write(merged, to: assessments)
        let source = try store.rounds().first { $0.id == round }?.source ?? round
        let roundData = try RoundLoader.load(directory: temporary, models: models)
        try store.importRound(roundData, id: round, source: source, replace: true)
    }
}
