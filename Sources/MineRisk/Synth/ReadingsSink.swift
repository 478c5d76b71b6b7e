import CZlibStream
import Foundation

/// Writes readings lines as bytes, in 1 MiB pieces, to a file as they are or through deflate as gzip
/// (windowBits 15 + 16, level 6, no file name or time in the header, so the same lines give the same bytes).
final class ReadingsSink {
    private let file: StreamedFile
    private var buffer: [UInt8] = []
    private var zstream: UnsafeMutablePointer<z_stream>?
    private var output = [UInt8](repeating: 0, count: 1 << 20)
    private(set) var lines = 0
    /// SHA-256 of the uncompressed text, for determinism checks.
    private let digest = PendingDigestStream()

    init(folder: String, name: String, gzip: Bool) throws {
        file = try StreamedFile(folder: folder, name: name)
        buffer.reserveCapacity(1 << 20 + 256)
        if gzip {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard deflateInit2_(stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                throw MineRiskError.io("\(name): zlib could not start deflating")
            }
            zstream = stream
        }
    }

    deinit {
        if let zstream {
            deflateEnd(zstream)
            zstream.deallocate()
        }
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    func append(byte: UInt8) { buffer.append(byte) }

    /// Writes a number with `decimals` decimals (rounded half away from zero).
    func append(number value: Double, decimals: Int) {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var scaled = Int64((abs(value) * scale).rounded())
        if value < 0, scaled != 0 { buffer.append(0x2D) }
        var digits: [UInt8] = []
        var place = 0
        repeat {
            digits.append(UInt8(0x30 + scaled % 10))
            scaled /= 10
            place += 1
            if place == decimals { digits.append(0x2E) }
        } while scaled > 0 || place <= decimals
        buffer.append(contentsOf: digits.reversed())
    }

    func endLine() throws {
        buffer.append(0x0A)
        lines += 1
        if buffer.count >= 1 << 20 { try flush(final: false) }
    }

    private func flush(final: Bool) throws {
        digest.update(buffer)
        guard let z = zstream else {
            try write(buffer[...])
            buffer.removeAll(keepingCapacity: true)
            return
        }
        try buffer.withUnsafeMutableBufferPointer { input in
            z.pointee.next_in = input.baseAddress
            z.pointee.avail_in = UInt32(input.count)
            repeat {
                let produced: Int = output.withUnsafeMutableBufferPointer { out in
                    z.pointee.next_out = out.baseAddress
                    z.pointee.avail_out = UInt32(out.count)
                    _ = deflate(z, final ? Z_FINISH : Z_NO_FLUSH)
                    return out.count - Int(z.pointee.avail_out)
                }
                try write(output[0..<produced])
            } while z.pointee.avail_out == 0 || (final && z.pointee.avail_in > 0)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: ArraySlice<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        do { try file.handle.write(contentsOf: Data(bytes)) } catch { throw MineRiskError.io("readings: writing failed: \(error.localizedDescription)") }
    }

    /// Flushes, closes and moves the file into place; returns the SHA-256 of the uncompressed lines.
    func finish() throws -> String {
        try flush(final: true)
        try file.commit()
        return digest.finish()
    }
}
