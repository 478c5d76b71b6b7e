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
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
