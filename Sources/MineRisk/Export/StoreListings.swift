/// What `db rounds` prints: the stored rounds (JSON: the list itself).
public struct RoundList: Encodable {
    public let rounds: [RoundInfo]

    public init(_ rounds: [RoundInfo]) { self.rounds = rounds }

    public func encode(to encoder: Encoder) throws { try rounds.encode(to: encoder) }
}

/// What `db export` prints: the files it wrote of a round, from a store (JSON: the list of files).
public struct ExportedRound: Encodable {
    public let files: [ExportedFile]
    public let round: String
    public let store: String

    public init(files: [ExportedFile], round: String, store: String) {
        self.files = files
        self.round = round
        self.store = store
    }

    public func encode(to encoder: Encoder) throws { try files.encode(to: encoder) }
}

/// What `db users list` prints: a server store's users (JSON: the list itself).
public struct UserList: Encodable {
    public let users: [StoreUser]

    public init(_ users: [StoreUser]) { self.users = users }

    public func encode(to encoder: Encoder) throws { try users.encode(to: encoder) }
}
