/// Where a scenario starts from.
public enum ScenarioStart: String, Codable, Sendable, CaseIterable {
    /// Every mine of the register operating; the register's closures replayed in their `closed_year`.
    case recorded
    /// Every mine of the register operating, the recorded closures ignored: a policy tried on the baseline.
    case baseline
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

/// A what-if closure policy for the coal register (`format: {kind: coal-scenario, version: 2}`).
public struct CoalScenario: Sendable {
    public static let formatKind = "coal-scenario"
    /// Version 2 names the boundary of every capacity line (closeAtOrBelow / closeUnder, reduceAtOrBelow /
    /// reduceUnder); version 1's closeBelow and reduceBelow did not, and version 1 files are refused.
    public static let formatVersion = 2

    /// Why a file of another version is refused, and what to change.
    public static func versionProblem(found version: Int) -> String {
        guard version == 1 else {
            return "this engine reads coal-scenario version \(formatVersion), found \(version)"
        }
        return "coal-scenario version 1 is no longer read: version 2 says on which side of every capacity line a mine exactly at it falls. "
            + "Set version: 2 and rename the rules: closeBelow: N becomes closeAtOrBelow: N (≤, 及以下, what closeBelow did) or closeUnder: N (<, 以下(不含)); "
            + "reduceBelow becomes reduceAtOrBelow or reduceUnder (seeds/scenarios/README.md)"
    }

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
