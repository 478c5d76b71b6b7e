import Foundation

/// What a file given as the store is, judged from its first 100 bytes before SQLite opens it.
///
/// A file that is not one of ours is refused and never written: SQLite is not even allowed to open it.
public enum StoreFile: Equatable, Sendable {
    /// No file at the path.
    case missing
    /// A file of zero bytes: nothing to lose, so it may become a new store.
    case empty
    /// A SQLite database carrying this application's id.
    case store
    /// A SQLite database of another application (its `application_id`).
    case foreignDatabase(applicationID: UInt32)
    /// Anything else: a text file, a truncated or overwritten database.
    case notADatabase(String)

    /// `PRAGMA application_id` of a minerisk store: "MRsk" in ASCII, written when the store is created.
    public static let applicationID: UInt32 = 0x4D52_736B

    /// The 16 bytes every SQLite 3 database starts with (https://www.sqlite.org/fileformat.html §1.3).
    static let magic = Array("SQLite format 3\0".utf8)

    /// Inspects the file at `path` without changing it.
    public static func inspect(_ path: String) throws -> StoreFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue {
            throw MineRiskError.usage("\(path): is a folder; --db expects a database file such as minerisk.sqlite")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MineRiskError.io("\(path): cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        let header: [UInt8]
        do {
            header = [UInt8](try handle.read(upToCount: 100) ?? Data())
        } catch {
            throw MineRiskError.io("\(path): reading its header failed: \(error.localizedDescription)")
        }
        return classify(header)
    }

    /// Classifies a file by its first (up to) 100 bytes.
    static func classify(_ header: [UInt8]) -> StoreFile {
        if header.isEmpty { return .empty }
        if header.count < 100, Array(header.prefix(16)) == Array(magic.prefix(header.count)) {
            return .notADatabase("it is \(header.count) bytes long, shorter than the 100-byte SQLite header: a truncated database")
        }
        guard header.count >= 100, Array(header[0..<16]) == magic else {
            return .notADatabase("its first bytes are \(describe(header)), not the SQLite header \"SQLite format 3\"")
        }
        // fileformat.html §1.3: the application ID is the big-endian 4-byte integer at offset 68.
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return id == applicationID ? .store : .foreignDatabase(applicationID: id)
    }

    /// The first bytes of a file, printable ones as text and the rest as hex.
    private static func describe(_ header: [UInt8]) -> String {
        let prefix = header.prefix(16)
        if prefix.allSatisfy({ (0x20..<0x7F).contains($0) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            let text = String(decoding: prefix, as: UTF8.self)
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            return "\"\(text)\""
        }
        return prefix.map { String(format: "%02x", $0) }.joined(separator: " ")
    }

    /// The refusal for a file that must not be used as the store, or nil when it may be.
    func refusal(path: String) -> MineRiskError? {
        switch self {
        case .missing, .empty, .store:
            return nil
        case let .foreignDatabase(id):
            let what = id == 0 ? "no application id" : String(format: "application id 0x%08X", id)
            return .invalid(SourceLocation(file: path),
                            "is a SQLite database of another application (\(what), expected 0x\(String(format: "%08X", Self.applicationID)) for a minerisk store); refusing to open it, and it was left untouched: give another --db path")
        case let .notADatabase(why):
            return .invalid(SourceLocation(file: path),
                            "is not a SQLite database (\(why)); refusing to open it, and it was left untouched: give another --db path")
        }
    }
}
