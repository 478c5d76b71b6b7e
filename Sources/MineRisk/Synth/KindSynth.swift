/// Draws the indicator values of one facility kind and writes its panels' rows.
struct KindSynth {
    let kind: FacilityKind
    let indicators: [Indicator]
    let samplers: [IndicatorSampler]
    private let idBytes: [[UInt8]]
    private let certificates: [Int]
    private let record: [Bool]
    private let caps: [Int]
    private let positions: [String: Int]
    private let groups: [(weight: Double, indices: [Int])]

    init(model: IndicatorModel) {
        kind = model.kind
        let indicators = model.indicators
        self.indicators = indicators
        idBytes = indicators.map { Array($0.id.utf8) }
        certificates = indicators.indices.filter { indicators[$0].id.hasSuffix("_standardization") }
        var samplers = indicators.map(IndicatorSampler.init)
        // Storage and dam height are copied from facilities.csv, which gives them to 0.1.
        for (j, indicator) in indicators.enumerated() where ["tp_total_storage", "tp_dam_height"].contains(indicator.id) {
            samplers[j].decimals = 1
        }
        self.samplers = samplers
        record = indicators.map { SynthTables.isRecord($0.id) }
        caps = indicators.map { SynthTables.cap[$0.id] ?? 3 }
        positions = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1.id, $0) })
        let known = (SynthTables.missingGroups[model.kind] ?? []).map { group in
            (weight: group.weight, indices: group.ids.compactMap { id in indicators.firstIndex { $0.id == id } })
        }.filter { !$0.indices.isEmpty }
        // A model without the known groups still gets realistic gaps: each criterion's last indicator.
        groups = known.isEmpty
            ? model.criteria.items.reduce(into: (list: [(weight: Double, indices: [Int])](), offset: 0)) { acc, c in
                acc.list.append((1, [acc.offset + c.indicators.count - 1]))
                acc.offset += c.indicators.count
            }.list
            : known
    }

    /// The position of an indicator in the model, if it has it.
    func index(of id: String) -> Int? { positions[id] }

    /// The group of indicators an indicator is missing with (just itself if it is in no group).
    func group(containing id: String) -> Set<Int> {
        guard let j = positions[id] else { return [] }
        return Set(groups.first { $0.indices.contains(j) }?.indices ?? [j])
    }

    /// The indicators of `count` distinct groups a panel could not assess.
    func missing(groups count: Int, _ rng: inout SplitMix64) -> Set<Int> {
        var weights = groups.map(\.weight)
        var result = Set<Int>()
        for _ in 0..<min(count, groups.count) {
            let g = rng.weightedIndex(weights)
            weights[g] = 0
            result.formUnion(groups[g].indices)
        }
        return result
    }

    /// The underlying value of every indicator (NaN where nobody assessed it).
    func truths(_ spec: FacilitySpec, _ rng: inout SplitMix64) -> [Double] {
        var values = [Double](repeating: .nan, count: samplers.count)
        for (j, sampler) in samplers.enumerated() {
            // Draw for every indicator, missing or forced or not, so that neither shifts the stream.
            let drawn = SynthTables.indicatorLevel(facility: spec.level, &rng)
            let level = spec.forced[j] ?? min(drawn, caps[j])
            let value = sampler.truth(level: level, &rng)
            if !spec.missing.contains(j) { values[j] = sampler.rounded(value) }
        }
        if let j = positions["tp_total_storage"], let pond = spec.pond, !values[j].isNaN { values[j] = pond.storage }
        if let j = positions["tp_dam_height"], let pond = spec.pond, !values[j].isNaN { values[j] = pond.height }
        for j in certificates where !values[j].isNaN { values[j] = Double(spec.certificate) }
        return values
    }

    /// The pond's safety-degree inputs implied by its values; the slope ratio is re-read from the written factor.
    func pondState(_ values: inout [Double], pond: SynthPond) -> PondState {
        var state = PondState()
        if let j = positions["tp_slope_safety_ratio"], !values[j].isNaN {
            let required = SafetyDegree.defaultRequiredSafetyFactor(pondClass: pond.pondClass)
            let factor = roundTo(values[j] * required, 3)
            state.slopeFactor = factor
            state.requiredFactor = required
            values[j] = roundTo(factor / required, 3)
        }
        if let j = positions["tp_freeboard_ratio"], !values[j].isNaN { state.freeboardOK = values[j] >= 1 }
        if let j = positions["tp_dry_beach_ratio"], !values[j].isNaN { state.beachOK = values[j] >= 1 }
        if let j = positions["tp_flood_discharge"], !values[j].isNaN, let edges = indicators[j].edges {
            // The score's grade says the drains' state: general or better normal, significant partly blocked.
            let value = values[j]
            state.flood = value >= edges[1] ? .normal : value >= edges[2] ? .partlyBlocked : .seriouslyBlocked
        }
        return state
    }

    /// Writes one row per expert and indicator the expert assessed; every assessed indicator gets at least one.
    func writeAssessments(facility: [UInt8], panel: [SynthExpert], panelBytes: [[UInt8]], values: [Double],
                          _ rng: inout SplitMix64, to sink: CSVSink) {
        let m = samplers.count
        var gives = [Bool](repeating: true, count: panel.count * m)
        for j in 0..<m {
            if values[j].isNaN {
                for e in panel.indices { gives[e * m + j] = false }
                continue
            }
            // Now and then an expert leaves an indicator outside their field to the others.
            var any = false
            for e in panel.indices {
                gives[e * m + j] = !rng.chance(0.04)
                any = any || gives[e * m + j]
            }
            if !any { gives[j] = true }
        }
        // One facility's rows go to a local buffer first: no per-field calls into the shared sink.
        var out: [UInt8] = []
        out.reserveCapacity(panel.count * m * 48)
        var rows = 0
        for (e, expert) in panel.enumerated() {
            for j in 0..<m where gives[e * m + j] {
                let value = samplers[j].expertValue(truth: values[j], bias: expert.bias, exact: record[j], &rng)
                out.append(contentsOf: facility)
                out.append(0x2C)
                out.append(contentsOf: panelBytes[e])
                out.append(0x2C)
                out.append(contentsOf: idBytes[j])
                out.append(0x2C)
                CSVSink.appendFixed(value, decimals: samplers[j].decimals, to: &out)
                out.append(0x0A)
                rows += 1
            }
        }
        sink.appendRows(out, count: rows)
    }
}

/// A value rounded to a number of decimals, half away from zero.
func roundTo(_ value: Double, _ decimals: Int) -> Double {
    let scale = [1.0, 10, 100, 1000, 10000][decimals]
    return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
}
