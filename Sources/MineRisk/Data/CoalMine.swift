/// Whether a coal mine of the register produces or has been closed (关闭退出).
public enum CoalMineStatus: String, Codable, Sendable, CaseIterable {
    case operating
    case closed

    /// 生产 / 关闭.
    public var zh: String { self == .operating ? "生产" : "关闭" }
}

/// One coal mine of the register, as one row of coal_mines.csv.
public struct CoalMine: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var county: String
    /// Approved capacity in t/yr; for a closed mine, its capacity when it closed.
    public var capacityTpa: Double
    public var status: CoalMineStatus
    /// The year a closed mine closed; nil for an operating mine.
    public var closedYear: Int?
    /// Why a closed mine closed (free text, usually Chinese); nil for an operating mine.
    public var reason: String?
    /// The register line the mine is on.
    public var line: Int

    public init(id: String, name: String, county: String, capacityTpa: Double, status: CoalMineStatus,
                closedYear: Int? = nil, reason: String? = nil, line: Int = 0) {
        self.id = id
        self.name = name
        self.county = county
        self.capacityTpa = capacityTpa
        self.status = status
        self.closedYear = closedYear
        self.reason = reason
        self.line = line
    }
}
