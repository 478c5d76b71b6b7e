extension LiangshanRounds {
    /// The 2016 round: mostly the same facilities a year earlier, fewer graded, several grades different,
    /// its own hazards, and the coal mines closed at the end of 2016 still working.
    func plan2016(experts: [SynthExpert], after r2017: SynthRound, _ rng: inout SplitMix64) -> SynthRound {
        var byEntry: [Int: RoundFacility] = [:]
        let later = Dictionary(uniqueKeysWithValues: r2017.facilities.map { ($0.entry, $0) })
        for e in entries.indices where entries[e].in2016 {
            var f: RoundFacility
            if let next = later[e] {
                f = RoundFacility(entry: e, level: next.level, graded: false)
                f.standardized = next.standardized
                f.certificate = next.certificate
                f.pond = next.pond.map { earlier($0, &rng) }
            } else {
                f = RoundFacility(entry: e, level: rng.weightedIndex([0.2, 0.45, 0.3, 0.05]), graded: false)
                f.standardized = entries[e].kind == .coalMine || rng.chance(0.6)
                f.certificate = f.standardized ? 3 : 4
                f.pond = entries[e].pond
            }
            byEntry[e] = f
        }
        for kind in FacilityKind.allCases {
            let members = entries.indices.filter { entries[$0].kind == kind && entries[$0].in2016 }
            chooseGraded2016(&byEntry, kind: kind, members: members, later: later, &rng)
            if let kindPlan = plan.kind(kind) {
                unstandardize(&byEntry, members: members, count: kindPlan.notStandardized2016, &rng)
            }
        }
        changeGrades(&byEntry, later: later, &rng)
        // One of the class-3 ponds had no online monitoring yet: installed in 2017.
        if let e = rng.shuffled(Array(byEntry.keys).sorted()).first(where: { byEntry[$0]!.pond?.pondClass == 3 }) {
            byEntry[e]!.pond!.monitoring = false
        }
        var round = SynthRound(year: 2016, experts: experts.filter { !plan.experts.joined2017.contains($0.id) },
                               facilities: entries.indices.compactMap { byEntry[$0] })
        Self.agreeWithMonitoring(&round)
        return round
    }

    /// A pond a year before: a little lower and holding a little less.
    private func earlier(_ pond: SynthPond, _ rng: inout SplitMix64) -> SynthPond {
        SynthPond(storage: roundTo(pond.storage * rng.uniform(0.86, 0.97), 1),
                  height: roundTo(max(5, pond.height - rng.uniform(1, 4)), 1), monitoring: pond.monitoring)
    }

    /// Grades fewer facilities than 2017, mostly ones graded again in 2017; the rest miss one or two groups.
    private func chooseGraded2016(_ byEntry: inout [Int: RoundFacility], kind: FacilityKind, members: [Int],
                                  later: [Int: RoundFacility], _ rng: inout SplitMix64) {
        let count = plan.kind(kind)?.graded2016 ?? plan.coalGraded2016
        let gone = members.filter { later[$0] == nil }
        // The veto-only pond of 2017 was graded in 2016 too, without its finding.
        let vetoed = members.filter { later[$0]?.hazards.first?.code == "TP-08" }
        let again = rng.shuffled(members.filter { later[$0]?.graded == true && !vetoed.contains($0) })
        let fromGone = kind == .undergroundMine || kind == .coalMine ? min(1, gone.count) : 0
        var chosen = vetoed + rng.sample(gone, count: fromGone)
        chosen += again.prefix(count - chosen.count)
        for e in members {
            if chosen.contains(e) {
                byEntry[e]!.graded = true
            } else {
                let u = rng.nextUnit()
                byEntry[e]!.missing = synth[kind]!.missing(groups: u < 0.6 ? 1 : 2, &rng)
            }
        }
    }

    /// Brings the number of facilities not yet standardized in 2016 to `count`.
    private func unstandardize(_ byEntry: inout [Int: RoundFacility], members: [Int], count: Int, _ rng: inout SplitMix64) {
        var missing = count - members.filter { !byEntry[$0]!.standardized }.count
        for e in rng.shuffled(members.filter { byEntry[$0]!.standardized && byEntry[$0]!.level >= 1 }) where missing > 0 {
            byEntry[e]!.standardized = false
            byEntry[e]!.certificate = 4
            missing -= 1
        }
    }

    /// Some facilities were riskier in 2016 and improved, a few got worse; 2016 had its own hazards.
    private func changeGrades(_ byEntry: inout [Int: RoundFacility], later: [Int: RoundFacility], _ rng: inout SplitMix64) {
        let both = byEntry.keys.sorted().filter { byEntry[$0]!.graded && later[$0]?.graded == true && later[$0]!.hazards.isEmpty && later[$0]!.forced.isEmpty }
        let improving = rng.sample(both.filter { byEntry[$0]!.level <= 2 }, count: plan.improved)
        for e in improving { byEntry[e]!.level += 1 }
        let worsening = rng.sample(both.filter { byEntry[$0]!.level >= 1 && !improving.contains($0) }, count: plan.worsened)
        for e in worsening { byEntry[e]!.level -= 1 }
        // Hazards of 2016, all put right by 2017: no full ventilation system, a collapsed flood tunnel.
        if let e = improving.first(where: { entries[$0].kind == .undergroundMine }) {
            byEntry[e]!.forced = ["ug_effective_air_ratio": 3]
            byEntry[e]!.hazards = [SynthHazard(code: "UG-13", description: "未形成完整的机械通风系统，局部作业面风量不足", foundOn: date(2016, &rng))]
        }
        if let e = improving.first(where: { entries[$0].kind == .tailingsPond }) {
            byEntry[e]!.forced = ["tp_flood_discharge": 3]
            byEntry[e]!.hazards = [SynthHazard(code: "TP-09", description: "排洪隧洞局部坍塌，排洪能力明显下降", foundOn: date(2016, &rng))]
        }
        // A coal mine closed at the end of 2016 had produced beyond its approved capacity.
        if let e = byEntry.keys.sorted().first(where: { entries[$0].kind == .coalMine && later[$0] == nil && byEntry[$0]!.graded }) {
            byEntry[e]!.level = 2
            byEntry[e]!.hazards = [SynthHazard(code: "CM-01", description: "超核定生产能力组织生产", foundOn: date(2016, &rng))]
        }
    }
}
