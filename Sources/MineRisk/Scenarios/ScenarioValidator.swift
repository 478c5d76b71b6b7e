/// Checks a scenario against the register before anything is computed: unknown ids, impossible numbers,
/// years out of order, contradictions between `keep` and the rules. Every problem is listed, each where it is written.
struct ScenarioValidator {
    let register: CoalRegister
    let gradesGiven: Bool

    /// Years a step may be taken in; anything else is a typing slip.
    static let plausibleYears = 1900...2100

    func problems(_ scenario: CoalScenario) -> ProblemList {
        var problems = ProblemList()
        let kept = checkKeep(scenario, &problems)
        var previous: Located<Int>?
        for step in scenario.steps {
            let year = step.year
            if !Self.plausibleYears.contains(year.value) {
                problems.add(year.location, "expected a year such as 2017, found \(year.value)")
            }
            if let previous, year.value <= previous.value {
                problems.add(year.location, year.value == previous.value
                    ? "a second step in \(year.value): put all the actions of a year in one step (first at \(previous.location))"
                    : "steps must be in year order: \(year.value) comes after \(previous.value)")
            }
            previous = year
            for action in step.actions { check(action, kept: kept, &problems) }
        }
        return problems
    }

    /// The kept mines by id; a kept id must exist, and under `start: recorded` must not be recorded closed.
    private func checkKeep(_ scenario: CoalScenario, _ problems: inout ProblemList) -> [String: Located<String>] {
        var kept: [String: Located<String>] = [:]
        for id in scenario.keep {
            guard let i = known(id, &problems) else { continue }
            if kept[id.value] != nil { problems.add(id.location, "mine \(id.value) is listed twice in keep") }
            let mine = register.mines[i]
            if scenario.start == .recorded, mine.status == .closed {
                problems.add(id.location, "mine \(id.value) is recorded closed in \(mine.closedYear.map(String.init) ?? "?"): keep cannot reopen it (start: baseline tries rules on every mine)")
            }
            kept[id.value] = id
        }
        return kept
    }

    private func check(_ action: ScenarioAction, kept: [String: Located<String>], _ problems: inout ProblemList) {
        func notKept(_ id: Located<String>, _ what: String) {
            if let keep = kept[id.value] {
                problems.add(id.location, "mine \(id.value) is kept open (\(keep.location)) but \(what)")
            }
        }
        switch action.rule {
        case let .closeCapacity(line):
            checkThreshold(line.capacityTpa, &problems)
        case let .closeGrade(threshold):
            if !gradesGiven {
                problems.add(threshold.location, "closeGrade needs the mines' grades from minerisk grade, and none were given")
            }
        case let .close(ids):
            if ids.isEmpty { problems.add(action.location, "close: expected a list of mine ids, found an empty list") }
            var seen = Set<String>()
            for id in ids where known(id, &problems) != nil {
                if !seen.insert(id.value).inserted { problems.add(id.location, "mine \(id.value) is listed twice") }
                notKept(id, "this action closes it")
            }
        case let .upgrade(mine, capacity):
            _ = known(mine, &problems)
            checkCapacity(capacity, &problems)
        case let .merge(mines, into, capacity):
            if mines.count < 2 {
                problems.add(action.location, "merge: expected at least two mines to merge, found \(mines.count)")
            }
            var seen = Set<String>()
            for id in mines where known(id, &problems) != nil {
                if !seen.insert(id.value).inserted { problems.add(id.location, "mine \(id.value) is listed twice") }
                if id.value != into.value { notKept(id, "this merge closes it into \(into.value)") }
            }
            if !mines.contains(where: { $0.value == into.value }) {
                problems.add(into.location, "into: expected one of the merged mines (\(mines.map(\.value).joined(separator: ", "))), found \"\(into.value)\"")
            }
            checkCapacity(capacity, &problems)
        case let .reduce(line, share):
            checkThreshold(line.capacityTpa, &problems)
            if !(share.value > 0 && share.value <= 1) {
                problems.add(share.location, "expected a share of the mines to close, above 0 and at most 1 (0.5 for 50%), found \(share.value.clean)")
            }
        }
    }

    /// The register position of a mine id, or a problem naming the unknown id.
    private func known(_ id: Located<String>, _ problems: inout ProblemList) -> Int? {
        if let i = register.position(of: id.value) { return i }
        var message = "unknown mine id \"\(id.value)\": not in the register \(register.file)"
        if let guess = register.suggestion(for: id.value) { message += "; did you mean \"\(guess)\"?" }
        problems.add(id.location, message)
        return nil
    }

    private func checkThreshold(_ threshold: Located<Double>, _ problems: inout ProblemList) {
        if !(threshold.value.isFinite && threshold.value >= 0) {
            problems.add(threshold.location, "expected a capacity threshold of 0 t/yr or more, found \(threshold.value.clean)")
        }
    }

    private func checkCapacity(_ capacity: Located<Double>, _ problems: inout ProblemList) {
        if !(capacity.value.isFinite && capacity.value > 0) {
            problems.add(capacity.location, "capacityTpa: expected a positive capacity in t/yr, found \(capacity.value.clean)")
        }
    }
}
