/// One coal mine of a round's register (coal_mines.csv), as the store keeps it.
public struct StoredCoalMine: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var county: String
    /// Approved capacity in t/yr; for a closed mine, its capacity when it closed.
    public var capacityTpa: Double
    /// "operating" or "closed".
    public var status: String
    /// The year a closed mine closed; nil for an operating mine.
    public var closedYear: Int?
    /// Why a closed mine closed; nil when not given.
    public var reason: String?
}
