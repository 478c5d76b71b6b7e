import ArgumentParser
import Foundation
import MineRisk

struct HazardsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a register kept in Excel (its first sheet) into hazards.csv, or into a stored round's register.",
        discussion: """
        The header row is found by its names, English (hazards.csv's columns) or Chinese (隐患编号, 企业编号, 隐患代码, \
        隐患级别, 隐患描述, 发现日期, 整改期限, 整改责任人, 整改措施, 整改资金, 整改方案, 整改状态, 验收日期, 验收人 …). \
        Every row is checked against the facilities of --data (with --output) or of the stored round, and the lists; \
        the count of rows read, written and blank is printed, so every row is accounted for.
        """
    )

    @Argument(help: "The workbook (.xlsx) written by Excel, LibreOffice or WPS.")
    var file: String

    @Option(name: .shortAndLong, help: "Write the register as this hazards.csv.")
    var output: String?

    @Option(name: .long, help: "Add the rows to this store's round (with --round).")
    var db: String?

    @Option(name: .long, help: "The stored round whose register gets the rows.")
    var round: String?

    @Option(name: .long, help: "Who imports, for the action log (default: $USER).")
    var by: String?

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard (output != nil) != (db != nil || round != nil) else {
            throw ValidationError("pass either --output FILE.csv or --db PATH --round ID")
        }
        if output == nil && (db == nil || round == nil) { throw ValidationError("--db needs --round ID, and --round needs --db PATH") }
    }

    func run() throws {
        try runReporting {
            let imported = try HazardWorkbookImport.read(path: file)
            var writer = CSVWriter(byteOrderMark: false, lineEnd: "\n")
            for row in imported.csvRows() { writer.row(row) }
            let models = try dataOptions.loadModels()
            var files = try roundFiles()
            files["hazards.csv"] = [UInt8](writer.text.utf8)
            var loader = DatasetLoader(files: files, models: models)
            loader.catalog = try dataOptions.loadCatalog()
            let data: Dataset
            do {
                data = try loader.load()
            } catch let MineRiskError.invalidInput(problems, truncated) {
                // Name the sheet's cell, not the hazards.csv line the row became.
                throw MineRiskError.invalidInput(problems.map { p in
                    guard p.location.file.hasSuffix("hazards.csv"), let line = p.location.line, let cell = imported.cell(line: line, column: p.location.column) else { return p }
                    return InputProblem(SourceLocation(file: file, path: "sheet \"\(imported.sheet)\", cell \(cell)"), p.message)
                }, truncated: truncated)
            }
            if let output {
                try AtomicWriter.write(Data(writer.text.utf8), to: output)
            } else if let db, let round {
                let store = try StoreFactory.open(db, access: .write).hazardRegister()
                defer { try? store.close() }
                let change = HazardChange(actor: by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown")
                try store.addHazards(data.hazards, round: round, source: (file as NSString).lastPathComponent, change: change)
            }
            let blank = imported.blankRows.isEmpty ? "" : " (rows \(imported.blankRows.map(String.init).joined(separator: ", ")))"
            print("Read \(imported.rows.count + imported.blankRows.count) rows under the header (row \(imported.headerRow)) of sheet \"\(imported.sheet)\" in \(file): " +
                  "\(data.hazards.count) findings written to \(output ?? "\(db!) round \(round!)"), \(imported.blankRows.count) blank rows skipped\(blank)")
        }
    }

    /// The round's other files, to check the rows against its facilities: the --data folder's, or the stored round's.
    private func roundFiles() throws -> [String: [UInt8]] {
        var folder = dataOptions.data
        if let db, let round {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("minerisk-import-\(UUID().uuidString)").path
            let store = try StoreFactory.open(db, access: .read)
            defer { try? store.close() }
            _ = try store.exportRound(round, to: folder)
        }
        defer { if db != nil { try? FileManager.default.removeItem(atPath: folder) } }
        var files: [String: [UInt8]] = [:]
        for name in DatasetLoader.requiredFiles + [RoundMetadata.fileName] where name != "hazards.csv" {
            let path = (folder as NSString).appendingPathComponent(name)
            if let bytes = FileManager.default.contents(atPath: path) { files[name] = [UInt8](bytes) }
        }
        return files
    }
}
