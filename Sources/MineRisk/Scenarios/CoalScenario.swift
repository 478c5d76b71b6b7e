/// Where a scenario starts from.
public enum ScenarioStart: String, Codable, Sendable, CaseIterable {
    /// Every mine of the register operating; the register's closures replayed in their `closed_year`.
    case recorded
    /// Every mine of the register operating, the recorded closures ignored: a policy tried on the baseline.
    case baseline
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

/// The actions taken in one year, in the order they are applied.
public struct ScenarioStep: Sendable {
    public var year: Located<Int>
    public var note: String?
    public var actions: [ScenarioAction]

    public init(year: Located<Int>, note: String? = nil, actions: [ScenarioAction]) {
        self.year = year
        self.note = note
        self.actions = actions
    }
}

/// A what-if closure policy for the coal register (`format: {kind: coal-scenario, version: 1}`).
public struct CoalScenario: Sendable {
    public static let formatKind = "coal-scenario"
    public static let formatVersion = 1

    public var name: BilingualName
    public var description: String?
    /// The policy the scenario implements (document number, article).
    public var source: String?
    public var start: ScenarioStart
    /// Mines kept open whatever the rules.
    public var keep: [Located<String>]
    public var steps: [ScenarioStep]
    /// The file the scenario was read from; nil when built from flags only.
    public var file: String?
    /// SHA-256 of that file.
    public var sha256: String?

    public init(name: BilingualName, description: String? = nil, source: String? = nil, start: ScenarioStart = .recorded,
                keep: [Located<String>] = [], steps: [ScenarioStep] = [], file: String? = nil, sha256: String? = nil) {
        self.name = name
        self.description = description
        self.source = source
        self.start = start
        self.keep = keep
        self.steps = steps
        self.file = file
        self.sha256 = sha256
    }

    /// The scenario `minerisk scenario` runs without a file: the register's closures, replayed.
    public static let recorded = CoalScenario(
        name: BilingualName(zh: "登记关闭情况", en: "Recorded closures"),
        description: "The closures recorded in the register, replayed year by year.",
        start: .recorded)

    /// True when a rule needs the mines' grades.
    public var needsGrades: Bool {
        steps.contains { $0.actions.contains { if case .closeGrade = $0.rule { return true } else { return false } } }
    }

    /// Adds actions in a year: to the step of that year if there is one, else as a new step in year order.
    public mutating func add(_ actions: [ScenarioAction], inYear year: Located<Int>) {
        guard !actions.isEmpty else { return }
        if let i = steps.firstIndex(where: { $0.year.value == year.value }) {
            steps[i].actions += actions
        } else {
            let i = steps.firstIndex { $0.year.value > year.value } ?? steps.count
            steps.insert(ScenarioStep(year: year, actions: actions), at: i)
        }
    }
}
