import Foundation

/// Generates synthetic datasets of any size for benchmarks, in the seed's format and with the same models.
///
/// Rows are streamed to the files in chunks: a set of 100,000 facilities and 7 experts (about 14 million
/// assessment rows) never sits in memory.
public struct NationalSynthesizer {
    public let models: ModelSet
    public let facilities: Int
    public let experts: Int
    public let seed: UInt64

    /// What a run wrote.
    public struct Summary: Sendable, Equatable {
        public var facilities = 0
        public var experts = 0
        public var assessments = 0
        public var hazards = 0
        public var incomplete = 0
        public var byKind: [FacilityKind: Int] = [:]
    }

    /// Shares of the kinds, roughly China's (DOMAIN §7: tens of thousands of non-coal mines, thousands of
    /// ponds and coal mines).
    static let kindShares: [(FacilityKind, Double)] = [
        (.undergroundMine, 0.50), (.openPitMine, 0.35), (.tailingsPond, 0.08), (.coalMine, 0.07),
    ]
    static let coalCapacities = [90_000, 150_000, 300_000, 450_000, 600_000, 900_000, 1_200_000, 2_400_000]

    public init(models: ModelSet, facilities: Int, experts: Int, seed: UInt64) throws {
        guard facilities > 0 else { throw MineRiskError.usage("--facilities must be at least 1, found \(facilities)") }
        guard (1...99).contains(experts) else { throw MineRiskError.usage("--experts must be from 1 to 99, found \(experts)") }
        self.models = models
        self.facilities = facilities
        self.experts = experts
        self.seed = seed
    }

    /// Writes facilities.csv, experts.csv, assessments.csv and hazards.csv into a folder.
    @discardableResult
    public func write(to folder: String) throws -> Summary {
        let kinds = Self.kindShares.filter { models[$0.0] != nil }
        guard !kinds.isEmpty else { throw MineRiskError.usage("the models folder has no model for any facility kind") }
        let synth = Dictionary(uniqueKeysWithValues: kinds.map { ($0.0, KindSynth(model: models[$0.0]!.model)) })
        try createFolder(folder)
        var rng = SplitMix64(seed: seed, stream: 0, item: 0)
        let panel = (1...experts).map { i -> SynthExpert in
            let t = rng.weightedIndex(SynthTables.titles.map(\.share))
            let title = SynthTables.titles[t]
            return SynthExpert(id: "E" + (i < 10 ? "0" : "") + String(i), name: SynthNames.person(&rng), title: title.title,
                               weight: title.weight, field: nil, bias: 3 * rng.nextNormal())
        }
        let panelBytes = panel.map(\.idBytes)
        var summary = Summary(experts: experts)
        let facilitiesFile = try StreamedFile(folder: folder, name: "facilities.csv")
        let assessmentsFile = try StreamedFile(folder: folder, name: "assessments.csv")
        let hazardsFile = try StreamedFile(folder: folder, name: "hazards.csv")
        let facilitySink = CSVSink(header: RoundWriter.facilityHeader, handle: facilitiesFile.handle)
        let assessmentSink = CSVSink(header: RoundWriter.assessmentHeader, handle: assessmentsFile.handle)
        let hazardSink = CSVSink(header: RoundWriter.shortHazardHeader, handle: hazardsFile.handle)
        let shares = kinds.map(\.1)
        for i in 0..<facilities {
            var rng = SplitMix64(seed: seed, stream: 1, item: UInt64(i))
            let kind = kinds[rng.weightedIndex(shares)].0
            let k = synth[kind]!
            let id = Self.id(kind, i + 1)
            var spec = FacilitySpec(level: rng.weightedIndex([0.35, 0.42, 0.18, 0.05]))
            let standardized = rng.chance(0.85)
            spec.certificate = standardized ? (rng.chance(0.3) ? 2 : 3) : 4
            if rng.chance(0.1) {
                spec.missing = k.missing(groups: rng.chance(0.8) ? 1 : 2, &rng)
                summary.incomplete += 1
            }
            if kind == .tailingsPond {
                var pond = LiangshanUniverse.pond(class: [5, 4, 3, 2][rng.weightedIndex([0.55, 0.35, 0.08, 0.02])], &rng)
                pond.monitoring = rng.chance(pond.pondClass <= 3 ? 0.97 : pond.pondClass == 4 ? 0.3 : 0.05)
                spec.pond = pond
            }
            var values = k.truths(spec, &rng)
            let state = spec.pond.map { k.pondState(&values, pond: $0) }
            let idle = rng.chance(0.02) ? rng.integer(1, 24) : 0
            writeFacility(id: id, kind: kind, spec: spec, state: state, standardized: standardized, idleMonths: idle, &rng, to: facilitySink)
            let idBytes = Array(id.utf8)
            k.writeAssessments(facility: idBytes, panel: panel, panelBytes: panelBytes, values: values, &rng, to: assessmentSink)
            if rng.chance(0.01), let veto = models[kind]?.model.vetoes, !veto.isEmpty {
                let rule = rng.pick(veto)
                hazardSink.field(id)
                hazardSink.field(rule.code)
                hazardSink.field(rule.text.zh)
                hazardSink.field("2023-\(rng.integer(10, 12))-\(rng.integer(10, 28))")
                hazardSink.endRow()
            }
            summary.byKind[kind, default: 0] += 1
        }
        try facilitySink.finish()
        try assessmentSink.finish()
        try hazardSink.finish()
        try facilitiesFile.commit()
        try assessmentsFile.commit()
        try hazardsFile.commit()
        try AtomicWriter.write(try RoundWriter.experts(panel), to: (folder as NSString).appendingPathComponent("experts.csv"))
        summary.facilities = facilitySink.rows
        summary.assessments = assessmentSink.rows
        summary.hazards = hazardSink.rows
        return summary
    }

    /// A facility id: the kind's letters and a seven-digit number.
    static func id(_ kind: FacilityKind, _ number: Int) -> String {
        let digits = String(number)
        return LiangshanUniverse.prefix(kind) + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    private func writeFacility(id: String, kind: FacilityKind, spec: FacilitySpec, state: PondState?, standardized: Bool,
                               idleMonths: Int, _ rng: inout SplitMix64, to sink: CSVSink) {
        let province = rng.pick(SynthNames.provinces)
        let product: String
        switch kind {
        case .undergroundMine: product = rng.pick(SynthNames.nationalUndergroundOres)
        case .openPitMine: product = rng.pick(SynthNames.nationalOpenPitProducts)
        default: product = ""
        }
        let short = String(province.prefix(province.hasPrefix("内蒙古") || province.hasPrefix("黑龙江") ? 3 : 2))
        sink.field(id)
        sink.field(SynthNames.facilityName(kind: kind, prefix: short, place: SynthNames.place(&rng, yi: false), product: product))
        sink.field(kind.rawValue)
        sink.field(province)
        sink.field(standardized ? "yes" : "no")
        sink.field(idleMonths > 0 ? "idle" : "operating")
        if idleMonths > 0 { sink.integer(idleMonths) } else { sink.empty() }
        RoundWriter.pondColumns(spec.pond, state, to: sink)
        if kind == .coalMine { sink.integer(rng.pick(Self.coalCapacities)) } else { sink.empty() }
        sink.endRow()
    }
}
