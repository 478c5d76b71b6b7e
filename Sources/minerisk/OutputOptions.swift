import ArgumentParser
import Foundation
import MineRisk

/// Where and how a result is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv, json, markdown (or xlsx, html where the command writes files). Default: from --output's extension, else table.")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// The format asked for, by flag or by the output file's extension, if the command's result is written in
    /// it (the registry, `RenderableOutput.formats`): the one place a command's format is chosen.
    func resolvedFormat<Output: RenderableOutput>(for result: Output.Type) throws -> OutputFormat {
        try Output.require(format ?? output.flatMap(OutputFormat.fromExtension) ?? .table)
    }

    /// Checks before any work that the output file can be created (and that a spreadsheet has a file to go to).
    func checkDestination(format: OutputFormat) throws {
        if format.isBinary, output == nil {
            throw MineRiskError.usage("\(format.rawValue) is a binary file: pass --output FILE.\(format.fileExtensions[0])")
        }
        if let output { try AtomicWriter.checkWritable(output) }
    }

    /// Writes a result as the registry renders it in `format` to the output file (a workbook always goes there,
    /// see `checkDestination`) or standard output, where a table is coloured on a terminal.
    func write(_ result: some RenderableOutput, as format: OutputFormat) throws {
        switch try result.rendered(as: format, colour: output == nil && terminalWantsColour) {
        case let .data(data): try emit(data)
        case let .workbook(workbook): try workbook.write(to: output!)
        case let .stream(produce): try stream(produce)
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

/// One of the formats `Output` is written in, as `--format` takes it: any other value is refused with the list of
/// those there are.
struct FormatChoice<Output: RenderableOutput>: ExpressibleByArgument {
    let format: OutputFormat

    init(_ format: OutputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Output.formats.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Output.formats.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    var defaultValueDescription: String { format.rawValue }
}

/// `--format` of a command that prints to standard output only (`db` commands, `doctor`): one of the formats its
/// result is written in (a table or JSON; `db warnings` CSV too).
struct PrintedFormatOption<Output: RenderableOutput>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format: \(PrintedFormatOption<Output>.formatNames)."))
    var format: FormatChoice<Output> = FormatChoice(.table)

    /// "table or json", "table, json or csv".
    private static var formatNames: String {
        let names = Output.formats.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// Prints `result` as the registry renders it in the chosen format.
    func write(_ result: Output) throws {
        guard case let .data(data) = try result.rendered(as: format.format, colour: terminalWantsColour) else {
            throw MineRiskError.usage("\(format.format.rawValue) is written to a file only")
        }
        FileHandle.standardOutput.write(data)
    }
}
