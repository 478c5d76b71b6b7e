import Foundation

/// The formats outputs are written in: the one registry of their names (`--format`) and file extensions
/// (`--output`). A command lists the ones it writes; a new format is a case here and one renderer file.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
    case markdown
    case xlsx
    case html

    /// The file extensions that ask for the format, the usual one first.
    public var fileExtensions: [String] {
        switch self {
        case .table: return ["txt"]
        case .csv: return ["csv"]
        case .json: return ["json"]
        case .markdown: return ["md", "markdown"]
        case .xlsx: return ["xlsx"]
        case .html: return ["html", "htm"]
        }
    }

    /// A binary format is written to a file only, never to standard output.
    public var isBinary: Bool { self == .xlsx }

    /// The format a file name asks for by its extension.
    public static func fromExtension(of path: String) -> OutputFormat? {
        let suffix = (path as NSString).pathExtension.lowercased()
        return allCases.first { $0.fileExtensions.contains(suffix) }
    }
}

/// JSON as every command writes it: sorted keys, pretty, no escaped slashes.
public func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
}
