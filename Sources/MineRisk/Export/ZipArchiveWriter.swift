import CZlibStream
import Foundation

/// A piece of a zip entry's data, deflated on its own: raw deflate (RFC 1951) ending on a byte boundary with a
/// sync flush (an empty stored block, §3.2.4), so that pieces deflated side by side and written one after the other
/// form one deflate stream, as pigz cuts its input. It keeps the CRC-32 and length of its uncompressed bytes.
struct DeflatedSegment: Sendable {
    var bytes: [UInt8]
    var crc: UInt32
    var length: Int

    /// Level 1 of zlib: worksheet XML is repetitive enough that the faster levels lose little.
    static let level: Int32 = 1

    init(deflating input: UnsafeRawBufferPointer) {
        length = input.count
        crc = input.isEmpty ? 0 : UInt32(crc32(0, input.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(input.count)))
        var stream = z_stream()
        // windowBits −15: raw deflate, no zlib header (APPNOTE 4.4.5 method 8 stores the bare stream).
        guard deflateInit2_(&stream, Self.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            fatalError("zlib: deflateInit2 failed (out of memory)")
        }
        defer { deflateEnd(&stream) }
        // deflateBound is for Z_FINISH; a sync flush adds an empty stored block (5 bytes) and at most a partial byte.
        let capacity = Int(deflateBound(&stream, uLong(input.count))) + 16
        var out = [UInt8](repeating: 0, count: capacity)
        var produced = 0
        out.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(capacity)
            let status = deflate(&stream, Z_SYNC_FLUSH)
            precondition(status == Z_OK && stream.avail_in == 0 && stream.avail_out > 0, "zlib: deflate did not fit its bound")
            produced = capacity - Int(stream.avail_out)
        }
        out.removeLast(capacity - produced)
        bytes = out
    }

    init(deflating bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { DeflatedSegment(deflating: $0) }
    }

    init(deflating text: String) {
        self.init(deflating: Array(text.utf8))
    }
}

/// Writes a zip archive (PKWARE APPNOTE.TXT 6.3) entry by entry through a ByteSink, each entry deflated and
/// streamed as its segments come: a local header (4.3.7) whose CRC and sizes are filled in when the entry ends,
/// the data, and at the end the central directory (4.3.12) and its end record (4.3.16). No entry is held whole
/// in memory. Entries and the archive must stay under 4 GiB (no ZIP64); a larger one is an error, not a
/// truncated file.
final class ZipArchiveWriter {
    private struct Entry {
        var path: [UInt8]
        /// Where its local header starts in the file.
        var offset: Int
        var crc: UInt32 = 0
        var compressed = 0
        var length = 0
    }

    private let sink: ByteSink
    private let dosTime: UInt16, dosDate: UInt16
    private var entries: [Entry] = []
    private var open: Entry?

    /// A writer to a sink of a file (not a pipe: the local headers are completed in place); `date` stamps every entry.
    init(sink: ByteSink, date: Date) {
        self.sink = sink
        // MS-DOS date and time (APPNOTE 4.4.6), in UTC so that the same workbook gives the same bytes anywhere.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = min(max((c.year ?? 1980) - 1980, 0), 127)
        dosDate = UInt16(year << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        dosTime = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
    }

    /// Starts an entry: its local header, with the CRC and sizes left for `endEntry`.
    func beginEntry(_ path: String) throws {
        precondition(open == nil, "zip: an entry is already open")
        let entry = Entry(path: Array(path.utf8), offset: sink.position)
        open = entry
        append32(0x0403_4B50)
        append16(20)  // version needed to extract: 2.0 (deflate)
        append16(0)  // flags
        append16(8)  // deflate
        append16(dosTime)
        append16(dosDate)
        append32(0); append32(0); append32(0)  // CRC-32, compressed and uncompressed size: written by endEntry
        append16(UInt16(entry.path.count))
        append16(0)  // extra field length
        sink.append(entry.path)
    }

    /// Appends the next piece of the open entry's data.
    func write(_ segment: DeflatedSegment) throws {
        guard var entry = open else { preconditionFailure("zip: no entry is open") }
        entry.crc = entry.length == 0 ? segment.crc
            : UInt32(crc32_combine(uLong(entry.crc), uLong(segment.crc), off_t(segment.length)))
        entry.length += segment.length
        entry.compressed += segment.bytes.count
        open = entry
        sink.append(segment.bytes)
        try sink.flushIfFull()
    }

    /// Ends the open entry: the deflate stream's last block, then its CRC and sizes written into its local header.
    func endEntry() throws {
        guard var entry = open else { preconditionFailure("zip: no entry is open") }
        // RFC 1951 §3.2.3 and §3.2.6: a final block (BFINAL 1) of fixed Huffman codes holding only the end-of-block
        // code 256 (seven zero bits): the bytes 03 00.
        sink.append([0x03, 0x00])
        entry.compressed += 2
        guard entry.length < 0xFFFF_FFFF, entry.compressed < 0xFFFF_FFFF, entry.offset < 0xFFFF_FFFF else {
            let path = String(decoding: entry.path, as: UTF8.self)
            throw MineRiskError.io("\(sink.name): \(path) is \(entry.length) bytes, over the 4 GiB a zip entry holds without ZIP64")
        }
        try sink.flush()
        // The local header's CRC-32 and sizes, 14 bytes into it.
        let fields = [entry.crc, UInt32(entry.compressed), UInt32(entry.length)].flatMap(Self.littleEndian)
        let done = fields.withUnsafeBytes { pwrite(sink.descriptor, $0.baseAddress!, 12, off_t(entry.offset + 14)) }
        guard done == 12 else { throw MineRiskError.io("\(sink.name): cannot write: \(String(cString: strerror(errno)))") }
        entries.append(entry)
        open = nil
    }

    /// Writes a whole entry from one text.
    func add(_ path: String, _ text: String) throws {
        try beginEntry(path)
        try write(DeflatedSegment(deflating: text))
        try endEntry()
    }

    /// Writes the central directory and flushes: the archive is complete.
    func finish() throws {
        precondition(open == nil, "zip: an entry is still open")
        let start = sink.position
        for entry in entries {
            append32(0x0201_4B50)
            append16(0x0314)  // made by: UNIX (3), APPNOTE 2.0
            append16(20)
            append16(0)
            append16(8)
            append16(dosTime)
            append16(dosDate)
            append32(entry.crc)
            append32(UInt32(entry.compressed))
            append32(UInt32(entry.length))
            append16(UInt16(entry.path.count))
            append16(0); append16(0)  // extra field, comment
            append16(0); append16(0)  // disk number, internal attributes
            append32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
            append32(UInt32(entry.offset))
            sink.append(entry.path)
        }
        let size = sink.position - start
        guard start + size < 0xFFFF_FFFF, entries.count < 0xFFFF else {
            throw MineRiskError.io("\(sink.name): the workbook is over the 4 GiB a zip archive holds without ZIP64")
        }
        append32(0x0605_4B50)
        append16(0); append16(0)
        append16(UInt16(entries.count)); append16(UInt16(entries.count))
        append32(UInt32(size))
        append32(UInt32(start))
        append16(0)  // comment length
        try sink.flush()
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    private func append16(_ value: UInt16) { sink.append([UInt8(value & 0xFF), UInt8(value >> 8)]) }

    private func append32(_ value: UInt32) { sink.append(Self.littleEndian(value)) }
}
