/// What one action of a step does.
public enum ScenarioRule: Sendable {
    /// Close every operating mine on the policy's side of a capacity line (`closeAtOrBelow`, `closeUnder`).
    case closeCapacity(CapacityLine)
    /// Close every operating mine graded at or above the threshold by `minerisk grade`.
    case closeGrade(Located<GradeThreshold>)
    /// Close the named mines.
    case close([Located<String>])
    /// Raise a mine's capacity by upgrading (技改).
    case upgrade(mine: Located<String>, capacityTpa: Located<Double>)
    /// Merge mines into one of them (兼并重组), which takes the merged capacity; the others close.
    case merge(mines: [Located<String>], into: Located<String>, capacityTpa: Located<Double>)
    /// Cut the number of operating mines on the policy's side of a line by at least a share, smallest first
    /// (`reduceAtOrBelow`, `reduceUnder`).
    case reduce(CapacityLine, share: Located<Double>)

    /// The rule's name as written in a scenario file.
    public var key: String {
        switch self {
        case let .closeCapacity(line): return line.boundary == .included ? "closeAtOrBelow" : "closeUnder"
        case .closeGrade: return "closeGrade"
        case .close: return "close"
        case .upgrade: return "upgrade"
        case .merge: return "merge"
        case let .reduce(line, _): return line.boundary == .included ? "reduceAtOrBelow" : "reduceUnder"
        }
    }

    /// The rule as outputs name it, with its line and boundary: "close ≤ 90,000 t/yr", "reduce < 300,000 t/yr by 50%".
    public var label: String {
        switch self {
        case let .closeCapacity(line): return "close \(line.text)"
        case let .closeGrade(threshold): return threshold.value == .major ? "close graded major" : "close graded significant and above"
        case .close: return "close"
        case .upgrade: return "upgrade"
        case .merge: return "merge"
        case let .reduce(line, share): return "reduce \(line.text) by \((share.value * 100).rounded(to: 1).clean)%"
        }
    }

    /// Every rule name, in the order the format documents them.
    public static let keys = ["closeAtOrBelow", "closeUnder", "closeGrade", "close", "upgrade", "merge", "reduceAtOrBelow", "reduceUnder"]

    /// Rule names of coal-scenario version 1 that did not say whether a mine exactly at the line is caught,
    /// with what replaced them in version 2. Files using them are refused, never read with a guessed meaning.
    public static let retiredKeys: [String: String] = [
        "closeBelow": "closeBelow was retired in coal-scenario version 2 because \"below\" does not say whether a mine exactly at the line closes: write closeAtOrBelow: N (≤, 及以下: what closeBelow did) or closeUnder: N (<, 以下(不含))",
        "reduceBelow": "reduceBelow was retired in coal-scenario version 2 because \"below\" does not say whether a mine exactly at the line counts: write reduceAtOrBelow: {capacityTpa, share} (≤, 及以下: what reduceBelow did) or reduceUnder: {capacityTpa, share} (<, 以下(不含))",
    ]
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
