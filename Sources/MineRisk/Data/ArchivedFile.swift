import Foundation

/// A file of a round's data folder, kept byte for byte so that the round can be exported as it came.
public struct ArchivedFile: Sendable, Hashable {
    public var name: String
    public var content: [UInt8]
    /// SHA-256 of `content`.
    public var sha256: String

    public init(name: String, content: [UInt8]) {
        self.name = name
        self.content = content
        self.sha256 = sha256Hex(content)
    }
}
