/// A store with users of its own: the server database of a prefecture or a province, where county offices write their
/// own counties and the bureau everything (`minerisk db users`). A SQLite store is one person's file and has none.
public protocol UserStore: RoundStore {
    /// Adds a user who may log in: a county user writing only `counties`, or a bureau user writing everything.
    func addUser(_ name: String, role: StoreRole, counties: [String], password: String?) throws
    /// The store's users, by name.
    func users() throws -> [StoreUser]
    /// Removes a user; what the user wrote stays.
    func removeUser(_ name: String) throws
}

/// What a store user may do.
public enum StoreRole: String, Sendable, Codable, CaseIterable {
    /// Reads everything; writes the facilities, assessments, hazards and coal mines of the user's counties only.
    case county
    /// Reads and writes everything.
    case bureau
}

/// A user of a server store.
public struct StoreUser: Sendable, Codable, Equatable {
    public var name: String
    public var role: StoreRole
    /// The counties a county user may write (empty for a bureau user).
    public var counties: [String]
}

extension RoundStore {
    /// This store as one with users, or a clear error saying why it has none.
    public func userStore() throws -> any UserStore {
        guard let store = self as? any UserStore else {
            throw MineRiskError.usage("\(location): a SQLite store has no users: it is one person's file, guarded by the file's permissions; give a postgres:// URL with --db for a shared store")
        }
        return store
    }
}
