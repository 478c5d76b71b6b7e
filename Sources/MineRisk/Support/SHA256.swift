import CCrypto
import Foundation

// The only file that calls libcrypto.

/// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex; used to fingerprint models and data.
///
/// OpenSSL's implementation uses the CPU's SHA extensions where it has them (about 1.3 GB/s on the
/// development machine, against 0.15 GB/s for the portable rounds this replaced): a national round's
/// 200 MB are hashed while they are parsed.
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

/// A SHA-256 computed on another thread while the caller goes on (a large input is parsed meanwhile).
final class PendingDigest: @unchecked Sendable {
    private let group = DispatchGroup()
    private var digest = ""

    /// Starts hashing; inputs under 4 MiB are hashed at once, on the calling thread.
    init(_ bytes: FileBytes) {
        guard bytes.count >= 1 << 22 else {
            digest = sha256Hex(bytes)
            return
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            digest = sha256Hex(bytes)
            group.leave()
        }
    }

    /// The hex digest, waiting for it if needed.
    var value: String {
        group.wait()
        return digest
    }
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
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
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
