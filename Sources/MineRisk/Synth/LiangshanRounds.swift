/// Plans the two Liangshan rounds: which facilities are graded, how risky each is, what the panels
/// could not assess, who is standardized, and which hazards and pond states were found.
struct LiangshanRounds {
    let plan: LiangshanPlan
    let entries: [SynthEntry]
    let synth: [FacilityKind: KindSynth]

    /// The expert pool of both rounds.
    static func experts(_ plan: LiangshanPlan, _ rng: inout SplitMix64) -> [SynthExpert] {
        let fields = rng.shuffled(plan.expertFields)
        let titles = SynthTables.titles
        var names = Set<String>()
        return (1...plan.experts.count).map { i in
            let field = fields[i - 1]
            // Bureau staff are inspectors and safety engineers; the specialists are engineers and professors.
            let allowed = field == nil ? [2, 4, 5] : [0, 1, 2, 3]
            let t = allowed[rng.weightedIndex(allowed.map { titles[$0].share })]
            var name: String
            repeat { name = SynthNames.person(&rng, yi: t >= 4 && rng.chance(0.5)) } while names.contains(name)
            names.insert(name)
            return SynthExpert(id: "E" + (i < 10 ? "0" : "") + String(i), name: name, title: titles[t].title,
                               weight: titles[t].weight, field: field, bias: 3 * rng.nextNormal())
        }
    }

    /// The 2017 round: the report's totals.
    func plan2017(experts: [SynthExpert], _ rng: inout SplitMix64) -> SynthRound {
        var byEntry: [Int: RoundFacility] = [:]
        for kind in FacilityKind.allCases {
            let kindPlan = plan.kind(kind)
            let members = entries.indices.filter { entries[$0].kind == kind && entries[$0].in2017 }
            let gradedLevels = kindPlan?.graded2017 ?? plan.coalGraded2017
            let levels = rng.shuffled(gradedLevels.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) })
            for (k, e) in rng.shuffled(members).enumerated() {
                var f = k < levels.count ? RoundFacility(entry: e, level: levels[k], graded: true)
                                         : incomplete(entry: e, kind: kind, &rng)
                f.pond = entries[e].pond
                byEntry[e] = f
            }
            if let kindPlan { standardize(&byEntry, members: members, notStandardized: kindPlan.notStandardized2017, &rng) }
        }
        var round = SynthRound(year: 2017, experts: experts.filter { !plan.experts.retiredAfter2016.contains($0.id) },
                               facilities: entries.indices.compactMap { byEntry[$0] })
        special2017(&round, &rng)
        Self.agreeWithMonitoring(&round)
        return round
    }

    /// A pond without online monitoring cannot score well on its online-monitoring indicator: the indicator
    /// takes the major grade (no coverage at all), so facilities.csv and assessments.csv agree.
    static func agreeWithMonitoring(_ round: inout SynthRound) {
        for i in round.facilities.indices {
            guard let pond = round.facilities[i].pond, !pond.monitoring else { continue }
            round.facilities[i].forced["tp_online_monitoring"] = 3
        }
    }

    /// A facility whose panel could not assess everything: one to three groups of indicators missing.
    private func incomplete(entry: Int, kind: FacilityKind, _ rng: inout SplitMix64) -> RoundFacility {
        var f = RoundFacility(entry: entry, level: rng.weightedIndex([0.33, 0.45, 0.18, 0.04]), graded: false)
        let u = rng.nextUnit()
        f.missing = synth[kind]!.missing(groups: u < 0.7 ? 1 : u < 0.95 ? 2 : 3, &rng)
        return f
    }

    /// Marks `notStandardized` of the members (level general or worse, mostly not yet graded) as not
    /// standardized, and gives the others a certificate level.
    private func standardize(_ byEntry: inout [Int: RoundFacility], members: [Int], notStandardized: Int, _ rng: inout SplitMix64) {
        let risky = members.filter { byEntry[$0]!.level >= 1 }
        let graded = rng.shuffled(risky.filter { byEntry[$0]!.graded })
        let open = rng.shuffled(risky.filter { !byEntry[$0]!.graded })
        let fromGraded = min(graded.count, notStandardized / 4)
        let chosen = Set(graded.prefix(fromGraded) + open.prefix(notStandardized - fromGraded))
        for e in members {
            var f = byEntry[e]!
            f.standardized = !chosen.contains(e)
            f.certificate = f.standardized ? certificate(level: f.level, &rng) : 4
            byEntry[e] = f
        }
    }

    private func certificate(level: Int, _ rng: inout SplitMix64) -> Int {
        let u = rng.nextUnit()
        if level == 0 { return u < 0.05 ? 1 : u < 0.65 ? 2 : 3 }
        return u < 0.25 ? 2 : 3
    }

    /// The planned findings of 2017: one veto-only pond, sick ponds, a goaf hazard, idle mines.
    private func special2017(_ round: inout SynthRound, _ rng: inout SplitMix64) {
        func candidates(_ kind: FacilityKind, graded: Bool, level: Int?) -> [Int] {
            round.facilities.indices.filter {
                let f = round.facilities[$0]
                return entries[f.entry].kind == kind && f.graded == graded && (level == nil || f.level == level!)
                    && f.forced.isEmpty && f.hazards.isEmpty && f.status == .operating
            }
        }
        let tp = synth[.tailingsPond]!, ug = synth[.undergroundMine]!
        // A pond graded general by its score, major only through its veto: freeboard and beach below design.
        let vetoPond = rng.pick(candidates(.tailingsPond, graded: true, level: 1))
        round.facilities[vetoPond].forced = ["tp_freeboard_ratio": 3, "tp_dry_beach_ratio": 3]
        round.facilities[vetoPond].hazards = [SynthHazard(code: "TP-08", description: "汛前检查发现设计洪水位时安全超高和最小干滩长度均小于设计值", foundOn: date(2017, &rng))]
        // A sick pond (病库): dam-slope safety factor just under the required value.
        let sickSlope = rng.pick(candidates(.tailingsPond, graded: true, level: 1))
        round.facilities[sickSlope].forced = ["tp_slope_safety_ratio": 1]
        // Another: drains partly blocked.
        let floodGroup = tp.group(containing: "tp_flood_discharge")
        let partlyBlocked = rng.pick(candidates(.tailingsPond, graded: false, level: 1).filter { round.facilities[$0].missing.isDisjoint(with: floodGroup) })
        round.facilities[partlyBlocked].forced = ["tp_flood_discharge": 2]
        // No dam stability assessment at all: the slope indicators are missing, and that is itself a hazard.
        let noStability = rng.pick(candidates(.tailingsPond, graded: false, level: nil))
        round.facilities[noStability].missing.formUnion(tp.group(containing: "tp_slope_safety_ratio"))
        round.facilities[noStability].hazards = [SynthHazard(code: "TP-06", description: "未按规定开展坝体稳定性分析评价，无稳定性评价报告", foundOn: date(2017, &rng))]
        // The riskiest underground mine: goafs left untreated.
        for i in candidates(.undergroundMine, graded: true, level: 3) {
            round.facilities[i].forced = ["ug_goaf_management": 3]
            round.facilities[i].hazards = [SynthHazard(code: "UG-17", description: "部分采空区未按设计要求充填或封闭处理", foundOn: date(2017, &rng))]
        }
        // A mine, not yet fully assessed, with a single exit from its deep levels.
        let oneExit = rng.pick(candidates(.undergroundMine, graded: false, level: nil).filter { round.facilities[$0].missing.isDisjoint(with: ug.group(containing: "ug_safety_exits")) })
        round.facilities[oneExit].level = max(2, round.facilities[oneExit].level)
        round.facilities[oneExit].forced = ["ug_safety_exits": 3]
        round.facilities[oneExit].hazards = [SynthHazard(code: "UG-01", description: "深部中段仅有一个直达地面的安全出口", foundOn: date(2017, &rng))]
        // Two small mines stood idle for months when the panels came (recorded; no national risk-grading
        // standard grades a mine by its idle time alone).
        for months in [9, 14] {
            let idle = rng.pick(candidates(.undergroundMine, graded: false, level: nil))
            round.facilities[idle].status = .idle
            round.facilities[idle].idleMonths = months
        }
    }

    /// A date in the spring inspection season of a year, YYYY-MM-DD.
    func date(_ year: Int, _ rng: inout SplitMix64) -> String {
        let month = rng.integer(3, 5), day = rng.integer(1, 28)
        return "\(year)-0\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
