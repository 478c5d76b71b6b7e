import Foundation

/// Writes one round's dataset files (facilities, experts, assessments, hazards) in the formats the
/// engine reads (Data/FacilityReader.swift, Data/RowReaders.swift).
struct RoundWriter {
    let entries: [SynthEntry]
    let synth: [FacilityKind: KindSynth]
    let seed: UInt64

    static let facilityHeader = ["id", "name", "kind", "county", "standardized", "status", "idle_months",
                                 "storage_volume_10k_m3", "dam_height_m", "online_monitoring", "slope_safety_factor",
                                 "required_safety_factor", "freeboard_ok", "beach_length_ok", "flood_discharge", "capacity_tpa"]
    static let expertHeader = ["id", "name", "title", "weight"]
    static let assessmentHeader = ["facility_id", "expert_id", "indicator_id", "value"]
    static let hazardHeader = HazardFinding.columns
    /// The first four columns only (an older register's, still read): the benchmark sets write these.
    static let shortHazardHeader = ["facility_id", "code", "description", "found_on"]

    /// The round's files: name → bytes.
    func files(_ round: SynthRound) throws -> [String: Data] {
        let facilities = CSVSink(header: Self.facilityHeader)
        let assessments = CSVSink(header: Self.assessmentHeader)
        let hazards = CSVSink(header: Self.hazardHeader)
        for f in round.facilities {
            let entry = entries[f.entry]
            let kind = synth[entry.kind]!
            // Each facility draws from its own stream, so that one facility's draws never shift another's.
            var rng = SplitMix64(seed: seed, stream: UInt64(round.year), item: UInt64(f.entry))
            var spec = FacilitySpec(level: f.level, missing: f.missing, pond: f.pond, certificate: f.certificate)
            for (id, level) in f.forced { if let j = kind.index(of: id) { spec.forced[j] = level } }
            var values = kind.truths(spec, &rng)
            let state = f.pond.map { kind.pondState(&values, pond: $0) }
            writeFacility(entry, f, state: state, to: facilities)
            let panel = self.panel(for: entry.kind, from: round.experts, &rng)
            kind.writeAssessments(facility: Array(entry.id.utf8), panel: panel, panelBytes: panel.map(\.idBytes),
                                  values: values, &rng, to: assessments)
            for h in f.hazards {
                for cell in [h.id, entry.id, h.code, h.level.rawValue, h.description, h.inspection, h.foundOn, h.foundBy, h.deadline,
                             h.responsible, h.measures, h.funds, h.plan, h.status.rawValue, h.acceptedOn, h.acceptedBy] {
                    hazards.field(cell)
                }
                hazards.integer(h.reopened)
                hazards.endRow()
            }
        }
        return ["facilities.csv": try facilities.finish(), "experts.csv": try Self.experts(round.experts),
                "assessments.csv": try assessments.finish(), "hazards.csv": try hazards.finish()]
    }

    /// experts.csv.
    static func experts(_ experts: [SynthExpert]) throws -> Data {
        let sink = CSVSink(header: expertHeader)
        for expert in experts {
            sink.field(expert.id)
            sink.field(expert.name)
            sink.field(expert.title)
            sink.number(expert.weight, decimals: 1)
            sink.endRow()
        }
        return try sink.finish()
    }

    /// A panel of 3–7 experts of the facility's field or of safety management, in id order.
    func panel(for kind: FacilityKind, from experts: [SynthExpert], _ rng: inout SplitMix64) -> [SynthExpert] {
        let pool = experts.filter { $0.field == kind || $0.field == nil }
        let size = SynthTables.panelSizes[rng.weightedIndex(SynthTables.panelSizes.map(\.share))].size
        return rng.sample(pool, count: min(size, pool.count)).sorted { $0.id < $1.id }
    }

    private func writeFacility(_ entry: SynthEntry, _ f: RoundFacility, state: PondState?, to sink: CSVSink) {
        sink.field(entry.id)
        sink.field(entry.name)
        sink.field(entry.kind.rawValue)
        sink.field(entry.county)
        sink.field(f.standardized ? "yes" : "no")
        sink.field(f.status.rawValue)
        if f.status == .idle { sink.integer(f.idleMonths) } else { sink.empty() }
        Self.pondColumns(f.pond, state, to: sink)
        if entry.kind == .coalMine, let capacity = entry.capacityTpa { sink.integer(capacity) } else { sink.empty() }
        sink.endRow()
    }

    /// The eight pond columns, storage to flood discharge; blank for other kinds and for unknown inputs.
    static func pondColumns(_ pond: SynthPond?, _ state: PondState?, to sink: CSVSink) {
        guard let pond, let state else {
            for _ in 0..<8 { sink.empty() }
            return
        }
        sink.number(pond.storage, decimals: 1)
        sink.number(pond.height, decimals: 1)
        sink.field(pond.monitoring ? "yes" : "no")
        if let factor = state.slopeFactor, let required = state.requiredFactor {
            sink.number(factor, decimals: 3)
            sink.number(required, decimals: 2)
        } else {
            sink.empty()
            sink.empty()
        }
        for flag in [state.freeboardOK, state.beachOK] {
            if let flag { sink.field(flag ? "yes" : "no") } else { sink.empty() }
        }
        if let flood = state.flood { sink.field(flood.rawValue) } else { sink.empty() }
    }
}
