/// The facilities of the Liangshan rounds: ids, names, counties, ponds and the coal register.
struct LiangshanUniverse {
    let plan: LiangshanPlan

    /// Builds every facility of both rounds, in facilities.csv order (kind, then id).
    func build(_ rng: inout SplitMix64) -> [SynthEntry] {
        var names = Set<String>()
        var entries: [SynthEntry] = []
        for kindPlan in plan.kinds {
            entries += nonCoal(kindPlan, names: &names, &rng)
        }
        entries += coal(names: &names, &rng)
        return entries
    }

    /// The letters that start a facility id of a kind.
    static func prefix(_ kind: FacilityKind) -> String {
        switch kind {
        case .undergroundMine: return "UG"
        case .openPitMine: return "OP"
        case .tailingsPond: return "TP"
        case .coalMine: return "CM"
        }
    }

    static func id(_ kind: FacilityKind, _ number: Int) -> String {
        prefix(kind) + (number < 10 ? "00" : number < 100 ? "0" : "") + String(number)
    }

    private func nonCoal(_ plan: LiangshanPlan.KindCounts, names: inout Set<String>, _ rng: inout SplitMix64) -> [SynthEntry] {
        let older = plan.both + plan.only2016, total = older + plan.only2017
        // The newest numbers are the facilities new in 2017; some older ones were closed before 2017.
        let closed = Set(rng.sample(Array(0..<older), count: plan.only2016))
        let counties = SynthNames.liangshanCounties
        var placed: [SynthCounty] = []
        if plan.kind == .tailingsPond {
            let withPonds = counties.filter(\.hasPonds)
            placed = (0..<total).map { _ in withPonds[rng.weightedIndex(withPonds.map(\.miningWeight))] }
        } else {
            // Every county has mines of both kinds in its first few facilities; the rest follow the mining weight.
            let roundRobin = rng.shuffled(counties)
            placed = (0..<total).map { i in
                i < counties.count ? roundRobin[i] : counties[rng.weightedIndex(counties.map(\.miningWeight))]
            }
        }
        var pondClasses = rng.shuffled(self.plan.pondClasses2017.flatMap { Array(repeating: $0.class, count: $0.ponds) })
        var result: [SynthEntry] = []
        for i in 0..<total {
            let county = placed[i]
            let product: String
            switch plan.kind {
            case .undergroundMine: product = rng.pick(county.undergroundOres)
            case .openPitMine: product = rng.pick(county.openPitProducts)
            default: product = ""
            }
            var name = ""
            repeat {
                name = SynthNames.facilityName(kind: plan.kind, prefix: county.prefix, place: SynthNames.place(&rng), product: product)
            } while names.contains(name)
            names.insert(name)
            var entry = SynthEntry(id: Self.id(plan.kind, i + 1), name: name, kind: plan.kind, county: county.name,
                                   in2016: i < older, in2017: !closed.contains(i))
            if plan.kind == .tailingsPond {
                entry.pond = Self.pond(class: entry.in2017 ? pondClasses.removeLast() : 5, &rng)
            }
            result.append(entry)
        }
        if plan.kind == .tailingsPond { assignMonitoring(&result, &rng) }
        return result
    }

    /// Storage and dam height that fall in the wanted class (AQ 2006-2005 Table 1, GB 50863-2013 §3.3.1).
    static func pond(class wanted: Int, _ rng: inout SplitMix64) -> SynthPond {
        while true {
            var storage: Double, height: Double
            switch wanted {
            case 2: (storage, height) = (rng.uniform(10000, 20000), rng.uniform(100, 160))
            case 3: (storage, height) = rng.chance(0.6) ? (rng.uniform(1000, 2800), rng.uniform(45, 95)) : (rng.uniform(500, 999), rng.uniform(60, 90))
            case 4: (storage, height) = rng.chance(0.7) ? (rng.uniform(100, 900), rng.uniform(18, 58)) : (rng.uniform(40, 99), rng.uniform(30, 55))
            default: (storage, height) = (rng.uniform(6, 95), rng.uniform(8, 29.5))
            }
            let pond = SynthPond(storage: roundTo(storage, 1), height: roundTo(height, 1), monitoring: wanted <= 3)
            if pond.pondClass == wanted { return pond }
        }
    }

    /// Every class-3 pond is monitored online; so are a few smaller ones.
    private func assignMonitoring(_ ponds: inout [SynthEntry], _ rng: inout SplitMix64) {
        for (pondClass, count) in [(4, plan.monitoredClass4), (5, plan.monitoredClass5)] {
            let members = ponds.indices.filter { ponds[$0].in2017 && ponds[$0].pond!.pondClass == pondClass }
            for i in rng.sample(members, count: count) { ponds[i].pond!.monitoring = true }
        }
    }

    /// The coal register: every mine of the baseline, operating or closed.
    private func coal(names: inout Set<String>, _ rng: inout SplitMix64) -> [SynthEntry] {
        let register = rng.shuffled(plan.coalRegister)
        let countyNames = rng.shuffled(plan.coalCounties.flatMap { Array(repeating: $0.county, count: $0.mines) })
        let prefixes = Dictionary(uniqueKeysWithValues: SynthNames.liangshanCounties.map { ($0.name, $0.prefix) })
        var result: [SynthEntry] = []
        for (i, mine) in register.enumerated() {
            let county = countyNames[i]
            var name = ""
            repeat {
                name = SynthNames.facilityName(kind: .coalMine, prefix: prefixes[county]!, place: SynthNames.place(&rng), product: "")
            } while names.contains(name)
            names.insert(name)
            var entry = SynthEntry(id: Self.id(.coalMine, i + 1), name: name, kind: .coalMine, county: county,
                                   capacityTpa: mine.capacityTpa,
                                   in2016: mine.closed.map { $0 >= 2016 } ?? true, in2017: mine.closed == nil)
            entry.closedYear = mine.closed
            entry.closureReason = mine.reason
            result.append(entry)
        }
        return result
    }
}
