import ArgumentParser
import Foundation
import MineRisk

/// A command that writes some of the output formats (`OutputFormat`): it lists them once, here, and
/// `--format` and `--output`'s extension are checked against the list.
protocol FormatWriting {
    /// The formats the command writes, table first.
    static var formats: [OutputFormat] { get }
}

/// Where and how a result is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv, json, markdown (or xlsx, html where the command writes files). Default: from --output's extension, else table.")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// The format asked for, by flag or by the output file's extension, if `command` writes it: the one
    /// place a command's format is chosen.
    func resolvedFormat<Command: FormatWriting>(for command: Command.Type) throws -> OutputFormat {
        let allowed = Command.formats
        let format = self.format ?? output.flatMap(OutputFormat.fromExtension) ?? .table
        guard allowed.contains(format) else {
            throw MineRiskError.usage("this command writes \(allowed.map(\.rawValue).joined(separator: ", ")); \(format.rawValue) is not one of them")
        }
        return format
    }

    /// Checks before any work that the output file can be created (and that a spreadsheet has a file to go to).
    func checkDestination(format: OutputFormat) throws {
        if format.isBinary, output == nil {
            throw MineRiskError.usage("\(format.rawValue) is a binary file: pass --output FILE.\(format.fileExtensions[0])")
        }
        if let output { try AtomicWriter.checkWritable(output) }
    }

    /// Writes a rendered result to the output file (a workbook always goes there, see `checkDestination`) or
    /// standard output.
    func write(_ rendered: RenderedOutput) throws {
        switch rendered {
        case let .data(data): try emit(data)
        case let .workbook(workbook): try workbook.write(to: output!)
        }
    }

    /// Streams an output to the --output file (atomically) or to standard output.
    func stream(_ produce: (ByteSink) throws -> Void) throws {
        if let output {
            try ByteSink.write(to: output, produce)
        } else {
            try produce(ByteSink.standardOutput)
        }
    }

    /// Writes every rejected row (`--skip-invalid`) to a reject file beside the output, or `defaultBase.rejects.csv`
    /// in the working folder, and says so on standard error.
    func writeRejects(_ rejects: [RejectedRow], defaultBase: String) throws {
        let path = (output.map { ($0 as NSString).deletingPathExtension } ?? defaultBase) + ".rejects.csv"
        var writer = CSVWriter()
        writer.row(["file", "line", "reason"])
        for reject in rejects { writer.row([reject.file, String(reject.line), reject.reason]) }
        try AtomicWriter.write(writer.text, to: path)
        FileHandle.standardError.write(Data("minerisk: \(rejects.count) rejected rows written to \(path)\n".utf8))
    }

    /// Writes text to the output file or standard output.
    func emit(_ text: String) throws {
        try emit(Data(text.utf8))
    }

    func emit(_ data: Data) throws {
        if let output {
            try AtomicWriter.write(data, to: output)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// A set of formats a command prints to standard output, for `--format` values checked as the command line is parsed.
protocol FormatList {
    static var formats: [OutputFormat] { get }
}

/// What the `db` commands and `doctor` print: a table, or JSON.
enum TableOrJSON: FormatList {
    static let formats: [OutputFormat] = [.table, .json]
}

/// One of `List`'s formats, as `--format` takes it: any other value is refused with the list of those there are.
struct FormatChoice<List: FormatList>: ExpressibleByArgument {
    let format: OutputFormat

    init(_ format: OutputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), List.formats.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { List.formats.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    var defaultValueDescription: String { format.rawValue }
}

/// `--format` of a command that prints to standard output only (`db` commands, `doctor`): a table or JSON.
struct PrintedFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table or json.")
    var format: FormatChoice<TableOrJSON> = FormatChoice(.table)

    /// Prints `value` as JSON, or as the table `table` renders.
    func emit<T: Encodable>(_ value: T, table: (T) -> String) throws {
        FileHandle.standardOutput.write(format.format == .json ? try encodeJSON(value) : Data(table(value).utf8))
    }
}
