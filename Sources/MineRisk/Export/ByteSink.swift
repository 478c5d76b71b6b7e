import Foundation

/// Bytes written to a file descriptor through a buffer of about a mebibyte, so that an output of any size
/// is never held in memory whole.
public final class ByteSink {
    let descriptor: Int32
    /// What the output is called in errors (its path, or "standard output").
    let name: String
    private var buffer: [UInt8] = []
    /// Bytes written to the descriptor so far.
    private var flushed = 0
    private static let flushSize = 1 << 20

    /// A sink to an open descriptor, which it does not close.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(Self.flushSize + (1 << 16))
    }

    /// Standard output.
    public static var standardOutput: ByteSink { ByteSink(descriptor: STDOUT_FILENO, name: "standard output") }

    /// Writes a file atomically (see `AtomicWriter`) through a sink that `produce` fills.
    public static func write(to path: String, _ produce: (ByteSink) throws -> Void) throws {
        try AtomicWriter.write(to: path) { temporary in
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                throw MineRiskError.cannotCreate("\(path): cannot create a temporary file in \(AtomicWriter.folder(of: path)): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            let sink = ByteSink(descriptor: descriptor, name: path)
            try produce(sink)
            try sink.flush()
        }
    }

    @inline(__always)
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    @inline(__always)
    public func append(byte: UInt8) { buffer.append(byte) }

    public func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Bytes appended so far: the offset in the output of the next byte appended.
    var position: Int { flushed + buffer.count }

    /// Writes the buffer out once it is full.
    public func flushIfFull() throws {
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes everything appended so far.
    public func flush() throws {
        try buffer.withUnsafeBytes { try writeAll($0, to: descriptor, name: name) }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes all of `bytes` to `descriptor` (write(2) may take fewer bytes than asked, or be interrupted).
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws {
    var offset = 0
    while offset < bytes.count {
        let n = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            throw MineRiskError.io("\(name): cannot write: \(String(cString: strerror(errno)))")
        }
        offset += n
    }
}
