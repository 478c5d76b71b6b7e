import Foundation

/// The scenario rules, applied to the state in one year. Kept mines are never closed by a rule.
extension ScenarioState {
    mutating func apply(_ action: ScenarioAction, year: Int) {
        switch action.rule {
        case let .closeCapacity(line):
            closeCapacity(line, rule: action.rule, year: year, reason: action.reason)
        case let .closeGrade(threshold):
            closeGrade(threshold.value, rule: action.rule, year: year, reason: action.reason)
        case let .close(ids):
            for id in ids {
                guard let i = openMine(id, year: year, doing: "close it") else { continue }
                close(i, year: year, rule: "close", label: "close", reason: action.reason ?? "点名关闭 closed by name")
            }
        case let .upgrade(id, target):
            guard let i = openMine(id, year: year, doing: "upgrade it") else { return }
            guard target.value > capacity[i] else {
                problems.add(target.location, "an upgrade (技改) must raise the capacity: \(id.value) has \(capacity[i].clean) t/yr in \(year), found \(target.value.clean)")
                return
            }
            setCapacity(i, to: target.value, year: year, kind: .upgraded, rule: "upgrade", reason: action.reason ?? "技改 upgraded")
        case let .merge(ids, into, merged):
            merge(ids, into: into, capacity: merged.value, year: year, reason: action.reason)
        case let .reduce(line, share):
            reduce(line, share: share.value, rule: action.rule, year: year, reason: action.reason)
        }
    }

    /// The register position of a mine that must be operating for an action; a problem if it has closed.
    private mutating func openMine(_ id: Located<String>, year: Int, doing what: String) -> Int? {
        guard let i = register.position(of: id.value) else { return nil } // unknown ids were refused before
        guard operating[i] else {
            problems.add(id.location, "mine \(id.value) is already closed in \(year) (closed in \(closedYear[i].map(String.init) ?? "?") by \(closedBy[i] ?? "?")): cannot \(what)")
            return nil
        }
        return i
    }

    /// A capacity line, with its boundary as the policy words it (DOMAIN §6; sources in seeds/scenarios/README.md):
    /// closeAtOrBelow (≤): 川办发〔2016〕59号 and the national 2016 rule for Sichuan retire mines of
    /// "9万吨/年及以下" — 及以下 takes in a mine exactly at 90,000 t/yr; closeUnder (<): 发改能源〔2019〕1377号
    /// draws "30万吨/年以下(不含30万吨/年)" — a mine exactly at 300,000 t/yr stays. The line is data.
    private mutating func closeCapacity(_ line: CapacityLine, rule: ScenarioRule, year: Int, reason: String?) {
        var closed = 0
        var spared: [String] = []
        for i in register.mines.indices where operating[i] && line.covers(capacity[i]) {
            if kept.contains(register.mines[i].id) { spared.append(register.mines[i].id); continue }
            close(i, year: year, rule: rule.key, label: rule.label, reason: reason ?? "产能\(line.zh) capacity \(line.text)")
            closed += 1
        }
        if closed == 0 { notes.append("\(year) \(rule.label): no operating mine on that side of the line") }
        if !spared.isEmpty { notes.append("\(year) \(rule.label): kept open \(spared.joined(separator: ", "))") }
    }

    /// Mines graded at or above the threshold by `minerisk grade` close (major = 重大风险, letter D of
    /// 矿安〔2023〕1号); a mine without a grade is not judged.
    private mutating func closeGrade(_ threshold: GradeThreshold, rule: ScenarioRule, year: Int, reason: String?) {
        guard let grades else { return } // refused by the validator
        var ungraded: [String] = []
        var spared: [String] = []
        for i in register.mines.indices where operating[i] {
            let id = register.mines[i].id
            guard let grade = grades[id] else { ungraded.append(id); continue }
            guard grade >= threshold.lowest else { continue }
            if kept.contains(id) { spared.append(id); continue }
            close(i, year: year, rule: rule.key, label: rule.label, reason: reason ?? "\(grade.zh) graded \(grade.rawValue)")
        }
        if !ungraded.isEmpty {
            notes.append("\(year) closeGrade \(threshold.rawValue): no grade for \(ungraded.joined(separator: ", ")) (not in the graded data, or assessment incomplete): not judged")
        }
        if !spared.isEmpty { notes.append("\(year) closeGrade \(threshold.rawValue): kept open \(spared.joined(separator: ", "))") }
    }

    /// 兼并重组: the surviving mine takes the merged capacity, the others close into it.
    private mutating func merge(_ ids: [Located<String>], into: Located<String>, capacity merged: Double, year: Int, reason: String?) {
        var positions: [Int] = []
        for id in ids {
            guard let i = openMine(id, year: year, doing: "merge it") else { continue }
            positions.append(i)
        }
        guard positions.count == ids.count, let survivor = register.position(of: into.value) else { return }
        let absorbed = ids.map(\.value).filter { $0 != into.value }
        for i in positions where i != survivor {
            close(i, year: year, rule: "merge", label: "merge", reason: reason ?? "兼并重组 merged into \(into.value)")
        }
        setCapacity(survivor, to: merged, year: year, kind: .merged, rule: "merge",
                    reason: "兼并重组 absorbed \(absorbed.joined(separator: ", "))")
    }

    /// 发改能源〔2019〕1377号 (DOMAIN §6): regions outside the north and north-west cut the number of mines
    /// "30万吨/年以下(不含30万吨/年)" by "50%以上" from the end of 2018 — reduceUnder; reduceAtOrBelow for a
    /// line that takes in its boundary. Counted from the start of the year; the smallest close first, ties in
    /// register order.
    private mutating func reduce(_ line: CapacityLine, share: Double, rule: ScenarioRule, year: Int, reason: String?) {
        let base = register.mines.indices.filter { atYearStart.operating[$0] && line.covers(atYearStart.capacity[$0]) }.count
        let cut = Int((Double(base) * share - 1e-9).rounded(.up))
        let small = register.mines.indices.filter { operating[$0] && line.covers(capacity[$0]) }
        let needed = small.count - (base - cut)
        guard needed > 0 else {
            notes.append("\(year) \(rule.label): \(base) mines at the start of the year, \(small.count) now; the cut of \(cut) is already met")
            return
        }
        let candidates = small.filter { !kept.contains(register.mines[$0].id) }
            .sorted { capacity[$0] != capacity[$1] ? capacity[$0] < capacity[$1] : $0 < $1 }
        for i in candidates.prefix(needed) {
            close(i, year: year, rule: rule.key, label: rule.label,
                  reason: reason ?? "压减\(line.zh)煤矿\(Int((share * 100).rounded()))% cut of mines \(line.text)")
        }
        if candidates.count < needed {
            notes.append("\(year) \(rule.label): target not met, \(needed - candidates.count) more closures needed but the remaining mines are kept open")
        }
    }
}
