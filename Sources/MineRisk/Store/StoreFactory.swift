import Foundation

/// Opens the store a `--db` value names: every command gets its store here, never from a backend's type.
///
/// A location is a SQLite file's path, or a PostgreSQL server's database as a `postgres://` URL (`PostgresLocation`).
/// Another backend is one more `Backend` case and its `RoundStore` conformance; no command changes.
public enum StoreFactory {
    /// The store used when `--db` is not given: `MINERISK_DB` when set (a path or a `postgres://` URL), else a file
    /// in the working folder.
    public static var defaultLocation: String {
        ProcessInfo.processInfo.environment["MINERISK_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "minerisk.sqlite"
    }

    /// The default as help texts show it (never the value of `MINERISK_DB`, which may hold a password).
    public static let defaultHelp = "$MINERISK_DB, else minerisk.sqlite"

    /// The kinds of store a location can name.
    enum Backend: Equatable {
        case sqlite(path: String)
        case postgres(url: String)

        init(_ location: String) {
            self = PostgresLocation.isURL(location) ? .postgres(url: location) : .sqlite(path: location)
        }
    }

    /// Opens the store at `location`; a writer creates it when there is none.
    ///
    /// Something at `location` that is not a minerisk store is refused, with a message saying what it is,
    /// and left untouched.
    public static func open(_ location: String, access: StoreAccess) throws -> any RoundStore {
        switch Backend(location) {
        case let .sqlite(path): return try SQLiteStore.open(path, access: access)
        case let .postgres(url): return try PostgresStore.open(url, access: access)
        }
    }

    /// Refuses, without opening or changing it, a location that holds something other than a store (nothing
    /// and an empty file are fine: an import creates the store). Run before reading a round for import, so
    /// that a wrong `--db` is reported before the data's problems.
    public static func check(_ location: String) throws {
        switch Backend(location) {
        case let .sqlite(path): try SQLiteStore.checkFile(path)
        case let .postgres(url): _ = try PostgresLocation(url)
        }
    }
}
