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
