/// Opens the store a `--db` value names: every command gets its store here, never from a backend's type.
///
/// Today every location is a SQLite file's path. A server database (a `postgres://` URL) is one more
/// `Backend` case and its `RoundStore` conformance; no command changes.
public enum StoreFactory {
    /// The store used when `--db` is not given: a file in the working folder.
    public static let defaultLocation = "minerisk.sqlite"

    /// The kinds of store a location can name.
    enum Backend: Equatable {
        case sqlite(path: String)

        init(_ location: String) {
            self = .sqlite(path: location)
        }
    }

    /// Opens the store at `location`; a writer creates it when there is none.
    ///
    /// Something at `location` that is not a minerisk store is refused, with a message saying what it is,
    /// and left untouched.
    public static func open(_ location: String, access: StoreAccess) throws -> any RoundStore {
        switch Backend(location) {
        case let .sqlite(path): return try SQLiteStore.open(path, access: access)
        }
    }

    /// Refuses, without opening or changing it, a location that holds something other than a store (nothing
    /// and an empty file are fine: an import creates the store). Run before reading a round for import, so
    /// that a wrong `--db` is reported before the data's problems.
    public static func check(_ location: String) throws {
        switch Backend(location) {
        case let .sqlite(path): try SQLiteStore.checkFile(path)
        }
    }
}
