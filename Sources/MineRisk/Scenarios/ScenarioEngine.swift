/// Runs closure scenarios on the coal register, year by year (DOMAIN §6; semantics in seeds/scenarios/README.md).
public struct ScenarioEngine: Sendable {
    public let register: CoalRegister
    /// Grades from `minerisk grade` by mine id, for `closeGrade`; nil when not loaded.
    public let grades: [String: RiskGrade]?

    public init(register: CoalRegister, grades: [String: RiskGrade]? = nil) {
        self.register = register
        self.grades = grades
    }

    /// Runs a scenario; throws every problem found in it, each at the key where it is written.
    public func run(_ scenario: CoalScenario) throws -> ScenarioResult {
        // Every mine starts operating at its register capacity; each year, the recorded closures (under
        // `start: recorded`), then the year's actions in order. A problem anywhere and no result at all.
        try ScenarioValidator(register: register, gradesGiven: grades != nil).problems(scenario).throwIfAny()
        var state = ScenarioState(register: register, grades: grades,
                                  kept: Set(scenario.keep.map(\.value)))
        var byYear: [YearState] = []
        if let years = Self.years(of: scenario, register: register) {
            let steps = Dictionary(scenario.steps.map { ($0.year.value, $0) }, uniquingKeysWith: { first, _ in first })
            for year in years {
                state.beginYear(year)
                if scenario.start == .recorded { state.replayRecordedClosures(in: year) }
                for action in steps[year]?.actions ?? [] { state.apply(action, year: year) }
                byYear.append(state.yearState(year, note: steps[year]?.note))
            }
        }
        try state.problems.throwIfAny()
        return ScenarioResult(
            scenario: ScenarioInfo(name: scenario.name, description: scenario.description, source: scenario.source,
                                   start: scenario.start, file: scenario.file, sha256: scenario.sha256),
            register: RegisterInfo(register),
            totals: state.totals(), closuresByRule: state.closuresByRule(), byCounty: state.byCounty(),
            byYear: byYear, mines: state.outcomes(), notes: state.notes, gradesUsed: grades != nil && scenario.needsGrades,
            engine: engineVersion)
    }

    /// Every year from the first change to the last: recorded closures (under `start: recorded`) and steps.
    public static func years(of scenario: CoalScenario, register: CoalRegister) -> ClosedRange<Int>? {
        var years = scenario.steps.map(\.year.value)
        if scenario.start == .recorded { years += register.mines.compactMap(\.closedYear) }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }

    /// The year flags are applied in when none is given: the year after the scenario's last change.
    public static func yearAfter(_ scenario: CoalScenario, register: CoalRegister) -> Int? {
        years(of: scenario, register: register).map { $0.upperBound + 1 }
    }
}
