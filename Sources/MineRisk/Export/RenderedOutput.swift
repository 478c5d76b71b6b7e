import Foundation

/// A result rendered in one `OutputFormat`, ready to be written: bytes (for standard output or a file), a
/// workbook (for a file only), or bytes streamed a block at a time (never whole in memory).
public enum RenderedOutput {
    case data(Data)
    case workbook(XLSXWorkbook)
    case stream((ByteSink) throws -> Void)

    /// UTF-8 text.
    public static func text(_ text: String) -> RenderedOutput { .data(Data(text.utf8)) }

    /// A value as every command writes JSON (`encodeJSON`).
    static func json<T: Encodable>(_ value: T) throws -> RenderedOutput { .data(try encodeJSON(value)) }
}

/// A result a command writes: the formats it is written in and how it is rendered in each. The conformances,
/// together in OutputRegistry.swift, are the one registry of which result is written in which format.
public protocol RenderableOutput {
    /// The formats the result is written in, the default (table) first.
    static var formats: [OutputFormat] { get }

    /// The result in `format`, one of `formats` (any other is a usage error); `colour` marks grades and
    /// levels in a terminal table.
    func rendered(as format: OutputFormat, colour: Bool) throws -> RenderedOutput
}

extension RenderableOutput {
    /// `format` when the result is written in it, else a usage error naming the formats it is written in.
    public static func require(_ format: OutputFormat) throws -> OutputFormat {
        guard formats.contains(format) else { throw unsupported(format) }
        return format
    }

    /// The usage error for a format the result is not written in.
    static func unsupported(_ format: OutputFormat) -> MineRiskError {
        .usage("this command writes \(formats.map(\.rawValue).joined(separator: ", ")); \(format.rawValue) is not one of them")
    }
}
