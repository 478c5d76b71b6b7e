import Foundation

/// Splits a byte stream into lines (LF or CRLF) through one growing buffer, carrying a partial line from
/// one chunk to the next; a UTF-8 byte-order mark at the start is skipped.
struct LineReader {
    let stream: ByteStream
    private var buffer = [UInt8](repeating: 0, count: ByteStream.chunkSize * 2)

    init(stream: ByteStream) { self.stream = stream }

    /// Calls `body` with each non-blank line and its 1-based number; returns the bytes read.
    mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws -> Int {
        var filled = 0, total = 0, line = 1
        var first = true
        while true {
            if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            total += count
            let atEnd = count == 0
            filled += count
            var consumed = 0
            try buffer.withUnsafeBufferPointer { all in
                let base = all.baseAddress!
                if first, filled >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { consumed = 3 }
                if first, filled >= 3 || atEnd { first = false }
                while consumed < filled {
                    let rest = filled - consumed
                    guard let found = memchr(base + consumed, 0x0A, rest) else {
                        guard atEnd else { break }
                        try emit(UnsafeBufferPointer(start: base + consumed, count: rest), line, body)
                        consumed = filled
                        break
                    }
                    let end = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                    try emit(UnsafeBufferPointer(start: base + consumed, count: end - consumed), line, body)
                    line += 1
                    consumed = end + 1
                }
            }
            if atEnd { return total }
            if consumed > 0 {
                let rest = filled - consumed
                buffer.withUnsafeMutableBufferPointer { b in
                    if rest > 0 { memmove(b.baseAddress!, b.baseAddress! + consumed, rest) }
                }
                filled = rest
            }
        }
    }

    @inline(__always)
    private func emit(_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var count = line.count
        if count > 0, line[count - 1] == 0x0D { count -= 1 }
        guard count > 0 else { return }
        try body(UnsafeBufferPointer(start: line.baseAddress, count: count), number)
    }
}
