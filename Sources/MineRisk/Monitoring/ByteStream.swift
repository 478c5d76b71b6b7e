import CZlibStream
import Foundation

/// A file's bytes in chunks, inflated on the fly when the file is gzip (by its magic bytes, whatever its
/// name): a readings export of gigabytes is read with two fixed buffers.
final class ByteStream {
    let displayName: String
    private let handle: UnsafeMutablePointer<FILE>
    private var zstream: UnsafeMutablePointer<z_stream>?
    private var input: [UInt8]
    private var inputStart = 0, inputEnd = 0
    private var atEndOfFile = false
    private var finished = false
    /// Bytes read from the file (compressed, for gzip).
    private(set) var fileBytes = 0
    let isGzip: Bool

    static let chunkSize = 1 << 20

    init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        self.displayName = name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw MineRiskError.missingInput("\(name): no such file")
        }
        guard let file = fopen(path, "rb") else { throw MineRiskError.io("\(name): cannot be read (\(String(cString: strerror(errno))))") }
        handle = file
        input = [UInt8](repeating: 0, count: Self.chunkSize)
        inputEnd = fread(&input, 1, Self.chunkSize, handle)
        fileBytes = inputEnd
        atEndOfFile = inputEnd < Self.chunkSize
        isGzip = inputEnd >= 2 && input[0] == 0x1F && input[1] == 0x8B
        if isGzip {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            // windowBits 15 + 32: a gzip or zlib header, detected by inflate itself.
            guard inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                fclose(handle)
                throw MineRiskError.io("\(name): zlib could not start inflating")
            }
            zstream = stream
        }
    }

    deinit {
        if let zstream {
            inflateEnd(zstream)
            zstream.deallocate()
        }
        fclose(handle)
    }

    private func refill() throws {
        guard !atEndOfFile else { return }
        let count = input.withUnsafeMutableBytes { fread($0.baseAddress!, 1, Self.chunkSize, handle) }
        if count < Self.chunkSize {
            if ferror(handle) != 0 { throw MineRiskError.io("\(displayName): reading failed after \(fileBytes) bytes") }
            atEndOfFile = true
        }
        inputStart = 0
        inputEnd = count
        fileBytes += count
    }

    /// Fills `buffer[offset...]` with the next bytes; returns how many (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        guard let z = zstream else {
            if inputStart == inputEnd { try refill() }
            let count = min(buffer.count, inputEnd - inputStart)
            if count == 0 { finished = true; return 0 }
            input.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + inputStart, byteCount: count) }
            inputStart += count
            return count
        }
        var produced = 0
        while produced < buffer.count {
            if inputStart == inputEnd {
                try refill()
                if inputStart == inputEnd {
                    if produced == 0 { finished = true }
                    // A gzip stream that stops before its end is a damaged file, not an empty tail.
                    if z.pointee.total_in > 0, !streamEnded {
                        throw MineRiskError.io("\(displayName): the gzip data ends early (the file is truncated)")
                    }
                    return produced
                }
            }
            let status: Int32 = input.withUnsafeMutableBytes { inBytes in
                z.pointee.next_in = inBytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + inputStart
                z.pointee.avail_in = UInt32(inputEnd - inputStart)
                z.pointee.next_out = (buffer.baseAddress! + produced).assumingMemoryBound(to: UInt8.self)
                z.pointee.avail_out = UInt32(buffer.count - produced)
                let status = inflate(z, Z_NO_FLUSH)
                produced = buffer.count - Int(z.pointee.avail_out)
                inputStart = inputEnd - Int(z.pointee.avail_in)
                return status
            }
            switch status {
            case Z_STREAM_END:
                streamEnded = true
                // Several gzip members one after another (as `cat a.gz b.gz` makes) are one file.
                if inputStart < inputEnd || !atEndOfFile {
                    inflateReset(z)
                    streamEnded = false
                } else if produced == 0 {
                    finished = true
                    return 0
                } else {
                    return produced
                }
            case Z_OK, Z_BUF_ERROR:
                continue
            default:
                let message = z.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw MineRiskError.io("\(displayName): not valid gzip data after \(fileBytes) bytes: \(message)")
            }
        }
        return produced
    }

    private var streamEnded = false
}
