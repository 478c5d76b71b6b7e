/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, CRLF line ends.
public struct CSVWriter {
    public private(set) var text: String
    private let lineEnd: String

    /// - Parameter byteOrderMark: start with U+FEFF so that Excel reads the file as UTF-8 (Chinese shows right).
    public init(byteOrderMark: Bool = true, lineEnd: String = "\r\n") {
        text = byteOrderMark ? "\u{FEFF}" : ""
        self.lineEnd = lineEnd
    }

    public mutating func row(_ fields: [String]) {
        text += fields.map(Self.quote).joined(separator: ",") + lineEnd
    }

    /// A field quoted only when it has to be.
    public static func quote(_ field: String) -> String {
        // Scanned as UTF-8 bytes (the four are ASCII): walking Characters took most of the time of a large table.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        guard field.utf8.contains(0x22) else { return "\"" + field + "\"" }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
