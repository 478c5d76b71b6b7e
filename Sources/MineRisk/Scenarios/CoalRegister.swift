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

/// The coal register: every coal mine of the area, operating or closed, as recorded.
public struct CoalRegister: Sendable {
    /// The file the register was read from, as named in messages.
    public var file: String
    /// The mines in register order; the baseline of every scenario.
    public var mines: [CoalMine]
    /// SHA-256 of the file, recorded in every result.
    public var sha256: String
    private let index: [String: Int]

    /// A register of mines with unique ids.
    public init(file: String, mines: [CoalMine], sha256: String = "") {
        self.file = file
        self.mines = mines
        self.sha256 = sha256
        var index: [String: Int] = [:]
        for (i, mine) in mines.enumerated() where index[mine.id] == nil { index[mine.id] = i }
        self.index = index
    }

    /// The position of a mine in the register, by id.
    public func position(of id: String) -> Int? { index[id] }

    /// The ids that look most like an unknown one, for "did you mean" hints.
    func suggestion(for id: String) -> String? {
        guard let guess = mines.map(\.id).min(by: { editDistance($0, id) < editDistance($1, id) }),
              editDistance(guess, id) <= max(1, guess.count / 3) else { return nil }
        return guess
    }
}
