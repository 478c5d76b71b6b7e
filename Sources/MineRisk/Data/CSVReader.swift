import Foundation

/// One record of a CSV file while it is being read: its fields as bytes, valid only inside the callback.
public struct CSVRecord {
    /// 1-based line on which the record starts.
    public let line: Int
    let bytes: UnsafeBufferPointer<UInt8>
    let ranges: UnsafeBufferPointer<Range<Int>>
    let file: String

    public var count: Int { ranges.count }

    /// The field at a 0-based index, decoded as UTF-8 and trimmed of spaces.
    public func string(_ index: Int) -> String {
        String(decoding: trimmedField(index), as: UTF8.self)
    }

    /// The field's raw bytes (untrimmed), for lookups that need no String.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[ranges[index]])
    }

    /// The field's bytes trimmed of spaces and tabs, as `string` gives them, for comparisons that need no String.
    func trimmedField(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let range = ranges[index]
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// True when the field is empty or only spaces.
    public func isBlank(_ index: Int) -> Bool {
        ranges[index].allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
    }

    /// The field parsed as a finite double, or nil.
    public func double(_ index: Int) -> Double? {
        let range = ranges[index]
        return parseFiniteDouble(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Where the field at a 0-based index is, for error messages (columns are 1-based fields).
    public func location(_ index: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: index + 1)
    }
}

/// Parses a finite decimal number from ASCII bytes (surrounding spaces allowed); nil for anything else,
/// including NaN and infinities.
func parseFiniteDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    var lower = 0, upper = field.count
    while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
    while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
    let length = upper - lower
    guard length > 0, length < 64 else { return nil }
    if let value = parseSimpleDecimal(UnsafeBufferPointer(rebasing: field[lower..<upper])) { return value }
    // Only digits, sign, point and exponent: strtod would also accept "nan", "inf" and hex.
    for i in lower..<upper {
        switch field[i] {
        case 0x30...0x39, 0x2B, 0x2D, 0x2E, 0x45, 0x65: continue
        default: return nil
        }
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double? in
        for i in 0..<length { buffer[i] = CChar(bitPattern: field[lower + i]) }
        buffer[length] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(buffer.baseAddress!, &end)
        guard let end, end == buffer.baseAddress! + length, value.isFinite else { return nil }
        return value
    }
}

/// Powers of ten that are exact doubles (10^0 … 10^22); the assessment reader's block path divides by them too.
let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

/// The fast path of decimal parsing (Clinger 1990): an optional sign, digits and at most one point, with at
/// most 15 significant digits and 22 decimals. The digits are an exact integer and 10^k an exact double, so
/// one IEEE division gives the correctly rounded value — the same double as strtod. Anything else is nil.
@inline(__always)
private func parseSimpleDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    var negative = false
    if text[0] == 0x2D || text[0] == 0x2B {
        negative = text[0] == 0x2D
        i = 1
    }
    var mantissa: UInt64 = 0
    var digits = 0, significant = 0, decimals = 0
    var seenPoint = false
    while i < text.count {
        let byte = text[i]
        if byte >= 0x30, byte <= 0x39 {
            if mantissa != 0 || byte != 0x30 { significant += 1 }
            mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
            digits += 1
            if seenPoint { decimals += 1 }
        } else if byte == 0x2E, !seenPoint {
            seenPoint = true
        } else {
            return nil
        }
        i += 1
    }
    guard digits > 0, significant <= 15, decimals <= 22 else { return nil }
    let magnitude = Double(mantissa) / exactPowersOfTen[decimals]
    return negative ? -magnitude : magnitude
}

/// A strict RFC 4180 reader over a whole file's bytes: quoted fields with commas, quotes and line
/// breaks, CRLF or LF line ends, a UTF-8 byte-order mark. Records go to a callback, so a file of
/// millions of rows needs no per-row allocation.
public struct CSVReader {
    public let file: String
    public let text: TextFile

    public init(file: String, text: TextFile) {
        self.file = file
        self.text = text
    }

    /// Reads and decodes a file; see `TextFile` for the encodings handled.
    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        self.init(file: name, text: try TextFile(path: path, displayName: name))
    }

    /// Calls `body` for each record (the header included); blank lines are skipped.
    /// Throws the first structural problem, such as an unterminated quote.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        try forEachRecord(in: text.contentStart..<text.bytes.count, firstLine: 1, body)
    }

    /// Calls `body` for each record of the bytes `range` of the text, which must start at the start of a
    /// record (line `firstLine`); the parallel readers give each thread such a range.
    func forEachRecord(in range: Range<Int>, firstLine: Int, _ body: (CSVRecord) throws -> Void) throws {
        try text.bytes.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[range])
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(32)
            var scratch: [UInt8] = [] // unescaped copies of quoted fields that contain ""
            var line = firstLine
            var i = 0
            let n = bytes.count
            while i < n {
                let recordLine = line
                ranges.removeAll(keepingCapacity: true)
                scratch.removeAll(keepingCapacity: true)
                var quotedCopies: [(field: Int, range: Range<Int>)] = []
                var endOfRecord = false
                while !endOfRecord {
                    if i < n, bytes[i] == 0x22 { // quoted field
                        let quoteLine = line
                        i += 1
                        var start = i
                        var pieces: [Range<Int>] = []
                        while true {
                            guard i < n else {
                                throw MineRiskError.invalid(
                                    SourceLocation(file: file, line: quoteLine, column: ranges.count + 1),
                                    "a quoted field is never closed: expected a closing \" before the end of the file")
                            }
                            let byte = bytes[i]
                            if byte == 0x22 {
                                if i + 1 < n, bytes[i + 1] == 0x22 {
                                    pieces.append(start..<(i + 1))
                                    i += 2
                                    start = i
                                    continue
                                }
                                pieces.append(start..<i)
                                i += 1
                                break
                            }
                            if byte == 0x0A { line += 1 }
                            i += 1
                        }
                        if pieces.count == 1 {
                            ranges.append(pieces[0])
                        } else {
                            let begin = scratch.count
                            for piece in pieces { scratch.append(contentsOf: bytes[piece]) }
                            quotedCopies.append((ranges.count, begin..<scratch.count))
                            ranges.append(0..<0)
                        }
                        if i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, !(bytes[i] == 0x0D) {
                            throw MineRiskError.invalid(
                                SourceLocation(file: file, line: line, column: ranges.count),
                                "expected a comma or the end of the line after a closing quote, found \"\(Character(Unicode.Scalar(bytes[i])))\"")
                        }
                    } else {
                        let start = i
                        while i < n, bytes[i] != 0x2C, bytes[i] != 0x0A, bytes[i] != 0x0D {
                            if bytes[i] == 0x22 {
                                throw MineRiskError.invalid(
                                    SourceLocation(file: file, line: line, column: ranges.count + 1),
                                    "a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
                            }
                            i += 1
                        }
                        ranges.append(start..<i)
                    }
                    if i >= n {
                        endOfRecord = true
                    } else if bytes[i] == 0x2C {
                        i += 1
                        if i >= n { ranges.append(n..<n); endOfRecord = true }
                    } else {
                        if bytes[i] == 0x0D { i += 1 }
                        if i < n, bytes[i] == 0x0A { i += 1 }
                        line += 1
                        endOfRecord = true
                    }
                }
                if ranges.count == 1, ranges[0].isEmpty, quotedCopies.isEmpty { continue } // blank line
                if quotedCopies.isEmpty {
                    try ranges.withUnsafeBufferPointer { r in
                        try body(CSVRecord(line: recordLine, bytes: bytes, ranges: r, file: file))
                    }
                } else {
                    // Fields with doubled quotes live in a private buffer: copy the record there.
                    var merged: [UInt8] = []
                    var mergedRanges: [Range<Int>] = []
                    var copies = quotedCopies.makeIterator()
                    var nextCopy = copies.next()
                    for (index, range) in ranges.enumerated() {
                        let start = merged.count
                        if let copy = nextCopy, copy.field == index {
                            merged.append(contentsOf: scratch[copy.range])
                            nextCopy = copies.next()
                        } else {
                            merged.append(contentsOf: bytes[range])
                        }
                        mergedRanges.append(start..<merged.count)
                    }
                    try merged.withUnsafeBufferPointer { m in
                        try mergedRanges.withUnsafeBufferPointer { r in
                            try body(CSVRecord(line: recordLine, bytes: m, ranges: r, file: file))
                        }
                    }
                }
            }
        }
    }
}
