import Foundation

/// JSON written straight into bytes exactly as `encodeJSON` writes it (JSONEncoder with pretty printing,
/// sorted keys and unescaped slashes): two-space indents, `"key" : value`, empty arrays as `[`, a blank line,
/// `]`, numbers as Swift's shortest round-trip text with a trailing ".0" dropped, non-finite numbers as strings.
/// Callers write an object's keys in sorted order.
struct JSONBytes {
    var bytes: [UInt8]

    init(into bytes: [UInt8]) { self.bytes = bytes }

    @inline(__always) mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func indent(_ level: Int) {
        for _ in 0..<level { bytes.append(0x20); bytes.append(0x20) }
    }

    /// `"key" : ` on a new line at `level`, after a comma unless it is the object's first key.
    @inline(__always) mutating func key(_ name: StaticString, level: Int, first: Bool = false) {
        raw(first ? "\n" : ",\n")
        indent(level)
        bytes.append(0x22)
        raw(name)
        raw("\" : ")
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                escaped(utf8)
            } else {
                bytes.append(0x22)
                bytes.append(contentsOf: utf8)
                bytes.append(0x22)
            }
        }
    }

    /// A string with characters that JSON escapes.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        for byte in utf8 {
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                let digits: StaticString = "0123456789abcdef"
                digits.withUTF8Buffer { hex in
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0x0F)])
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func string(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    mutating func number(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "nan" : value > 0 ? "inf" : "-inf")
            return
        }
        var text = value.description
        text.withUTF8 { utf8 in
            let n = utf8.count
            let whole = n >= 2 && utf8[n - 2] == 0x2E && utf8[n - 1] == 0x30 // a trailing ".0" is dropped
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<(whole ? n - 2 : n)]))
        }
    }

    mutating func number(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return raw("null") }
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool?) {
        guard let value else { return raw("null") }
        value ? raw("true") : raw("false")
    }

    /// An array whose items sit at `level` + 1, each written by `item`.
    mutating func array<T>(_ items: [T], level: Int, _ item: (inout JSONBytes, T) -> Void) {
        raw("[\n")
        if items.isEmpty {
            raw("\n")
        } else {
            for (k, value) in items.enumerated() {
                if k > 0 { raw(",\n") }
                indent(level + 1)
                item(&self, value)
            }
            raw("\n")
        }
        indent(level)
        raw("]")
    }

    mutating func strings(_ items: [String], level: Int) {
        array(items, level: level) { $0.string($1) }
    }

    mutating func numbers(_ items: [Double]?, level: Int) {
        guard let items else { return raw("null") }
        array(items, level: level) { $0.number($1) }
    }
}
