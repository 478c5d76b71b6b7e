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
        var utf8 = field
        let quoted = utf8.withUTF8 { utf8 -> [UInt8]? in
            guard needsQuotes(utf8) else { return nil }
            var bytes: [UInt8] = []
            appendField(utf8, to: &bytes)
            return bytes
        }
        return quoted.map { String(decoding: $0, as: UTF8.self) } ?? field
    }

    /// Appends a field's UTF-8 bytes, quoted only when it has to be (a comma, quote or line break; quotes doubled).
    static func appendField(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        guard needsQuotes(utf8) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// Scanned as UTF-8 bytes (the four are ASCII): walking Characters took most of the time of a large table.
    private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }
}

import Foundation
