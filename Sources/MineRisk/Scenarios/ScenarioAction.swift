/// What one action of a step does.
public enum ScenarioRule: Sendable {
    /// Close every operating mine whose capacity is at or below the threshold (t/yr).
    case closeBelow(Located<Double>)
    /// Close every operating mine graded at or above the threshold by `minerisk grade`.
    case closeGrade(Located<GradeThreshold>)
    /// Close the named mines.
    case close([Located<String>])
    /// Raise a mine's capacity by upgrading (技改).
    case upgrade(mine: Located<String>, capacityTpa: Located<Double>)
    /// Merge mines into one of them (兼并重组), which takes the merged capacity; the others close.
    case merge(mines: [Located<String>], into: Located<String>, capacityTpa: Located<Double>)
    /// Cut the number of operating mines at or below a capacity by at least a share, smallest first.
    case reduceBelow(capacityTpa: Located<Double>, share: Located<Double>)

    /// The rule's name as written in a scenario file.
    public var key: String {
        switch self {
        case .closeBelow: return "closeBelow"
        case .closeGrade: return "closeGrade"
        case .close: return "close"
        case .upgrade: return "upgrade"
        case .merge: return "merge"
        case .reduceBelow: return "reduceBelow"
        }
    }

    /// Every rule name, in the order the format documents them.
    public static let keys = ["closeBelow", "closeGrade", "close", "upgrade", "merge", "reduceBelow"]
}

/// One action of a step: a rule, the reason to record for the mines it touches, and where it is written.
public struct ScenarioAction: Sendable {
    public var rule: ScenarioRule
    /// Overrides the reason recorded for the mines the action closes.
    public var reason: String?
    public var location: SourceLocation

    public init(_ rule: ScenarioRule, reason: String? = nil, at location: SourceLocation) {
        self.rule = rule
        self.reason = reason
        self.location = location
    }
}

/// The grade from which `closeGrade` closes a mine.
public enum GradeThreshold: String, Codable, Sendable, CaseIterable {
    /// 重大风险 only.
    case major
    /// 较大风险 and 重大风险.
    case significant

    /// The lowest grade that is closed.
    public var lowest: RiskGrade { self == .major ? .major : .significant }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = GradeThreshold(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected major or significant (significant closes significant and above), found \"\(text)\""))
        }
        self = value
    }
}
