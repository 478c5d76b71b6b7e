import CCrypto
import Foundation

// The only file that calls libcrypto.

/// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex; used to fingerprint models and data.
///
/// OpenSSL's implementation uses the CPU's SHA extensions where it has them (about 1.3 GB/s on the
/// development machine, against 0.15 GB/s for the portable rounds this replaced).
public func sha256Hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    if let digest = bytes.withContiguousStorageIfAvailable({ sha256Digest(UnsafeRawBufferPointer($0)) }) {
        return digest
    }
    return Array(bytes).withUnsafeBytes { sha256Digest($0) }
}

/// The digest of contiguous bytes, hashed in place.
private func sha256Digest(_ bytes: UnsafeRawBufferPointer) -> String {
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let empty: UInt8 = 0
    let succeeded = withUnsafePointer(to: empty) { emptyPointer in
        EVP_Digest(bytes.baseAddress ?? UnsafeRawPointer(emptyPointer), bytes.count, &digest, &length, EVP_sha256(), nil)
    }
    // EVP_Digest fails only when the library cannot allocate or has no SHA-256 at all.
    precondition(succeeded == 1 && length == 32, "libcrypto could not compute a SHA-256 (EVP_Digest returned \(succeeded))")
    return digest[0..<32].map { byte in
        let hex = String(byte, radix: 16)
        return byte < 0x10 ? "0" + hex : hex
    }.joined()
}

/// The SHA-256 of each file of a round, for its provenance, made when something first asks for them: a grade table in
/// CSV, Markdown or the terminal has no provenance, and a national round's gigabytes are then never hashed.
///
/// Until then the files' bytes are held; a large file stays mapped, its pages given back after parsing
/// (`FileBytes.releasePages`) and mapped in again from the page cache as they are hashed. As with any reader that
/// maps its input, the files must not change while the run lasts.
public final class FileDigests: @unchecked Sendable, Equatable {
    private let lock = NSLock()
    /// Files not hashed yet.
    private var pending: [String: FileBytes]
    private var hashes: [String: String]

    /// Digests of these files, to be made when asked for.
    init(files: [String: FileBytes]) {
        pending = files
        hashes = [:]
    }

    /// Digests already known (a stored round, a decoded provenance).
    public init(hashes: [String: String]) {
        pending = [:]
        self.hashes = hashes
    }

    /// File name → lowercase hex SHA-256; the first call hashes the files (side by side), later ones wait for it.
    public var values: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        if !pending.isEmpty {
            let files = Array(pending)
            var digests = [String](repeating: "", count: files.count)
            digests.withUnsafeMutableBufferPointer { out in
                // Hashing does not throw, so neither does run.
                try? ParallelTasks(threads: nil).run(files.count) { k in out[k] = Self.digest(files[k].value) }
            }
            for (file, digest) in zip(files, digests) { hashes[file.key] = digest }
            pending = [:]
        }
        return hashes
    }

    /// The digest of a file's bytes; a mapped file is hashed a slice at a time, each slice's pages given back once hashed,
    /// so that hashing does not bring the whole file back into the process's memory.
    private static func digest(_ bytes: FileBytes) -> String {
        guard bytes.isMapped else { return sha256Hex(bytes) }
        let stream = PendingDigestStream()
        let slice = 1 << 25
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + slice)
                stream.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[start..<end])))
                bytes.releasePages(in: start..<end)
                start = end
            }
        }
        return stream.finish()
    }

    /// Starts making the digests on another thread, so that a writer whose provenance comes last has them by then.
    public func prepare() {
        guard hasPending else { return }
        DispatchQueue.global().async { _ = self.values }
    }

    private var hasPending: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !pending.isEmpty
    }

    public static func == (a: FileDigests, b: FileDigests) -> Bool { a === b || a.values == b.values }
}

/// SHA-256 of bytes that arrive in pieces (libcrypto's EVP digest), for files too large to hold.
struct PendingDigestStream {
    private let context: OpaquePointer

    init() {
        context = EVP_MD_CTX_new()
        // EVP_DigestInit_ex fails only when the library cannot allocate or has no SHA-256.
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "libcrypto could not start a SHA-256")
    }

    func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
    }

    /// The hex digest; the stream cannot be used afterwards.
    func finish() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        EVP_MD_CTX_free(context)
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
