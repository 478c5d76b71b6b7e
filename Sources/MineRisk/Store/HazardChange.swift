import Foundation

/// A change to the register made on a version of a finding that has since changed: a conflict, never an overwrite.
public struct HazardChange: Sendable {
    public var actor: String
    /// The version the change was made on; nil: the current one.
    public var expectedVersion: Int?

    public init(actor: String, expectedVersion: Int? = nil) {
        self.actor = actor
        self.expectedVersion = expectedVersion
    }

    /// The error for a change to a finding the round's register does not hold, naming the nearest id it does.
    static func notFound(store: String, hazard id: String, round: String, ids: [String]) -> MineRiskError {
        let guess = ids.min { editDistance($0, id) < editDistance($1, id) }
        return .missingInput("\(store): hazard \(id) is not in round \(round)\(guess.map { " (nearest: \($0))" } ?? "")")
    }

    /// The error for a change made on a version that is no longer the finding's: exit 75, look again and redo it.
    static func conflict(store: String, hazard id: String, expected: Int, found: Int) -> MineRiskError {
        .conflict("\(store): hazard \(id): conflict: the change was made on version \(expected), but hazard \(id) is now at version \(found); list it again and redo the change")
    }
}

/// One entry of the append-only action log.
public struct HazardAction: Sendable, Codable, Equatable {
    public var seq: Int
    public var hazard: String
    public var action: String
    public var actor: String
    public var at: String
    public var from: String?
    public var to: String
    public var version: Int
    public var detail: String

    public static let columns = ["seq", "hazard_id", "action", "actor", "at", "from_status", "to_status", "version", "detail"]
    public var cells: [String] { [String(seq), hazard, action, actor, at, from ?? "", to, String(version), detail] }
}
