import Foundation

/// The formats outputs are written in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
    case markdown
    case xlsx
    case html

    /// The format a file name asks for by its extension.
    public static func fromExtension(of path: String) -> OutputFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "json": return .json
        case "md", "markdown": return .markdown
        case "xlsx": return .xlsx
        case "html", "htm": return .html
        case "txt": return .table
        default: return nil
        }
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
