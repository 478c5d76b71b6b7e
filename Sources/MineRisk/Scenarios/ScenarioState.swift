import Foundation

/// The state of every mine while a scenario runs, and the record of what changed.
struct ScenarioState {
    let register: CoalRegister
    let grades: [String: RiskGrade]?
    let kept: Set<String>
    /// Per mine, in register order.
    var operating: [Bool]
    var capacity: [Double]
    var closedYear: [Int?]
    /// The rule that closed each mine, as outputs name it ("close ≤ 90,000 t/yr"), and its key (closeAtOrBelow).
    var closedBy: [String?]
    var closedByKey: [String?]
    var reason: [String?]
    /// Changes to a mine that stays open (upgrades, mergers), for its outcome.
    var changes: [[String]]
    var events: [ScenarioEvent] = []
    var notes: [String] = []
    /// Problems that depend on the state when an action runs, such as merging a mine already closed.
    var problems = ProblemList()
    /// Operating flags and capacities at the start of the current year (the 2019 rule counts from there).
    var atYearStart: (operating: [Bool], capacity: [Double]) = ([], [])
    private var firstEventOfYear = 0

    init(register: CoalRegister, grades: [String: RiskGrade]?, kept: Set<String>) {
        self.register = register
        self.grades = grades
        self.kept = kept
        let n = register.mines.count
        operating = [Bool](repeating: true, count: n)
        capacity = register.mines.map(\.capacityTpa)
        closedYear = [Int?](repeating: nil, count: n)
        closedBy = [String?](repeating: nil, count: n)
        closedByKey = [String?](repeating: nil, count: n)
        reason = [String?](repeating: nil, count: n)
        changes = [[String]](repeating: [], count: n)
    }

    mutating func beginYear(_ year: Int) {
        atYearStart = (operating, capacity)
        firstEventOfYear = events.count
    }

    /// The register's closures of a year, in register order. A mine a step closed earlier stays closed then.
    mutating func replayRecordedClosures(in year: Int) {
        for (i, mine) in register.mines.enumerated() where mine.status == .closed && mine.closedYear == year {
            guard operating[i] else {
                notes.append("\(mine.id): recorded closed in \(year), already closed by \(closedBy[i] ?? "?") in \(closedYear[i].map(String.init) ?? "?")")
                continue
            }
            close(i, year: year, rule: "recorded", label: "recorded", reason: mine.reason ?? "登记关闭 recorded closure")
        }
    }

    /// Closes an operating mine, recording the year, the rule (its key and its label) and the reason.
    mutating func close(_ i: Int, year: Int, rule key: String, label: String, reason text: String) {
        operating[i] = false
        closedYear[i] = year
        closedBy[i] = label
        closedByKey[i] = key
        reason[i] = text
        events.append(ScenarioEvent(year: year, mine: register.mines[i].id, kind: .closed, rule: label, ruleKey: key,
                                    capacityBeforeTpa: capacity[i], capacityAfterTpa: 0, reason: text))
    }

    /// Sets an operating mine's capacity (upgrade or merger), recording the change.
    mutating func setCapacity(_ i: Int, to value: Double, year: Int, kind: ScenarioEventKind, rule: String, reason text: String) {
        events.append(ScenarioEvent(year: year, mine: register.mines[i].id, kind: kind, rule: rule, ruleKey: rule,
                                    capacityBeforeTpa: capacity[i], capacityAfterTpa: value, reason: text))
        changes[i].append("\(year) \(text): \(formatWan(capacity[i])) → \(formatWan(value)) 万吨/年")
        capacity[i] = value
    }

    /// The state at the end of a year and what changed in it.
    func yearState(_ year: Int, note: String?) -> YearState {
        let happened = Array(events[firstEventOfYear...])
        let closures = happened.filter { $0.kind == .closed }
        return YearState(year: year, note: note, closedThisYear: closures.count,
                         closedCapacityThisYearTpa: closures.reduce(0) { $0 + $1.capacityBeforeTpa },
                         totals: totals(), byCounty: byCounty(), events: happened)
    }

    /// Totals of every mine in its current state.
    func totals() -> ScenarioTotals {
        var totals = ScenarioTotals()
        for (i, mine) in register.mines.enumerated() {
            totals.add(baselineCapacity: mine.capacityTpa, operating: operating[i], capacity: capacity[i])
        }
        return totals
    }

    /// Totals per county, by county name (one pass over the mines).
    func byCounty() -> [CountyOutcome] {
        var counties: [String: ScenarioTotals] = [:]
        for (i, mine) in register.mines.enumerated() {
            counties[mine.county, default: ScenarioTotals()].add(baselineCapacity: mine.capacityTpa, operating: operating[i], capacity: capacity[i])
        }
        return counties.sorted { $0.key < $1.key }.map { CountyOutcome(county: $0.key, totals: $0.value) }
    }

    func closuresByRule() -> [String: Int] {
        var counts: [String: Int] = [:]
        for rule in closedBy.compactMap({ $0 }) { counts[rule, default: 0] += 1 }
        return counts
    }

    /// Every mine as it ends the scenario.
    func outcomes() -> [MineOutcome] {
        register.mines.enumerated().map { i, mine in
            MineOutcome(id: mine.id, name: mine.name, county: mine.county,
                        status: operating[i] ? .operating : .closed, capacityTpa: capacity[i],
                        baselineCapacityTpa: mine.capacityTpa, closedYear: closedYear[i], closedBy: closedBy[i], closedByKey: closedByKey[i],
                        reason: operating[i] ? (changes[i].isEmpty ? nil : changes[i].joined(separator: "; ")) : reason[i],
                        grade: grades?[mine.id], kept: kept.contains(mine.id))
        }
    }
}

/// A capacity in t/yr written in 万吨/年 (10⁴ t/yr), with at most two decimals and no trailing zeros.
public func formatWan(_ tpa: Double) -> String {
    let wan = (tpa / 10_000).rounded(to: 2)
    return wan == wan.rounded() && abs(wan) < 1e12 ? String(Int(wan)) : String(format: "%.2f", wan).replacingTrailingZeros()
}

extension String {
    fileprivate func replacingTrailingZeros() -> String {
        guard contains(".") else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
