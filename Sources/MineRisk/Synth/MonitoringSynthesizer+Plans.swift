import Foundation

extension MonitoringSynthesizer {
    /// Items of a class 1–3 pond (GB 39496-2020 §5.5: displacement, phreatic line, beach, freeboard, water
    /// level, rainfall; classes ≤ 3 add pore pressure and seepage), sampled every 10 minutes.
    static let majorPondItems: [MonitoredItem] = [.damDisplacementH, .damDisplacementH, .damDisplacementV, .phreaticDepth, .phreaticDepth,
                                                  .phreaticDepth, .beachLength, .freeboard, .waterLevel, .rainfall, .porePressure, .seepageFlow]
    /// Items of a class 4–5 pond, sampled hourly.
    static let minorPondItems: [MonitoredItem] = [.damDisplacementH, .phreaticDepth, .phreaticDepth, .beachLength, .freeboard, .rainfall]
    /// The national benchmark's eight points per pond, every 10 minutes.
    static let nationalItems: [MonitoredItem] = [.damDisplacementH, .damDisplacementH, .damDisplacementV, .phreaticDepth, .phreaticDepth,
                                                 .beachLength, .freeboard, .rainfall]

    /// The seed used for the bundled Liangshan monitoring.
    public static let liangshanSeed: UInt64 = 2017_0721

    /// The Liangshan 2017 flood season (June–September) for the ponds of `facilities` that have online
    /// monitoring: 10-minute readings for classes 1–3, hourly elsewhere; a rainstorm on 20 July takes one
    /// class 1–3 pond to red (≥ 100 mm in 3 h) and another to orange (≥ 50 mm in 3 h); a phreatic sensor
    /// sticks, a rain gauge goes silent, a displacement point drops out for two days, a sensor spikes.
    public static func liangshan(facilities: [Facility], seed: UInt64 = liangshanSeed) -> MonitoringSynthesizer {
        let ponds = facilities.filter { $0.kind == .tailingsPond && ($0.pond?.onlineMonitoring ?? false) }.map {
            Pond(id: $0.id, county: $0.county, pondClass: MonitoredPond(facility: $0).pondClass)
        }
        let start = ISOTime.parse("2017-06-01T00:00:00+08:00")!.seconds
        var synth = MonitoringSynthesizer(ponds: ponds, seed: seed, start: start, steps: 122 * 144, validFrom: "2017-06-01", validTo: "2017-09-30",
                                          layout: { $0 <= 3 ? majorPondItems : minorPondItems }, interval: { $0 <= 3 ? 10 : 60 })
        let major = ponds.indices.filter { ponds[$0].pondClass <= 3 }
        let minor = ponds.indices.filter { ponds[$0].pondClass > 3 }
        guard major.count >= 2 else { return synth }
        var rng = SplitMix64(seed: seed, stream: 6, item: 0)
        let red = rng.pick(major)
        let sameCounty = major.filter { $0 != red && ponds[$0].county == ponds[red].county }
        let orange = sameCounty.first ?? major.first { $0 != red }!
        let stormStart = 49 * 144 + 84  // 2017-07-20 14:00
        synth.storms = [
            Storm(pond: red, start: stormStart - 18, steps: 18, millimetres: 20, response: 0.08),
            Storm(pond: red, start: stormStart, steps: 18, millimetres: 115, response: 0.08),
            Storm(pond: orange, start: stormStart, steps: 18, millimetres: 62, response: 0),
        ]
        // Faults on the other ponds, class 1–3 first.
        let others = (major + minor).filter { $0 != red && $0 != orange }
        guard others.count >= 4 else { return synth }
        let points = synth.plannedPoints
        func point(_ pond: Int, _ item: MonitoredItem, _ ordinal: Int) -> Int? {
            points.firstIndex { $0.pond == pond && $0.item == item && $0.ordinal == ordinal }
        }
        if let p = point(others[0], .phreaticDepth, 1) { synth.faults.append(.stuck(point: p, from: 117 * 144)) }          // from 26 Sep
        if let pond = minor.last, let p = point(pond, .rainfall, 1) { synth.faults.append(.silent(point: p, from: 119 * 144 + 72, to: nil)) } // 28 Sep noon
        if let p = point(others[1], .damDisplacementH, 1) { synth.faults.append(.silent(point: p, from: 70 * 144, to: 72 * 144)) }   // 10–12 Aug
        if let p = point(others[2], .phreaticDepth, 2) { synth.faults.append(.badSpikes(point: p, steps: [30 * 144 + 6, 30 * 144 + 12, 61 * 144 + 102])) }
        synth.pointOverride = (others[3], .phreaticDepth)
        return synth
    }

    /// A national benchmark day (2017-07-21): `count` ponds of random class with eight 10-minute points each;
    /// about 4% get a storm of 20–130 mm in 3 h, and 0.5% of points go silent in the evening.
    public static func national(ponds count: Int, seed: UInt64 = 1) -> (MonitoringSynthesizer, facilitiesCSV: String) {
        var ponds: [Pond] = []
        var csv = "id,name,kind,county,standardized,status,idle_months,storage_volume_10k_m3,dam_height_m,online_monitoring,slope_safety_factor,required_safety_factor,freeboard_ok,beach_length_ok,flood_discharge,capacity_tpa\n"
        var rng = SplitMix64(seed: seed, stream: 7, item: 0)
        for i in 0..<count {
            let id = "NP" + String(repeating: "0", count: max(0, 5 - String(i + 1).count)) + String(i + 1)
            let storage = (exp(rng.uniform(log(5), log(20000))) * 10).rounded() / 10
            let height = (rng.uniform(8, 120) * 10).rounded() / 10
            let county = "C" + String(repeating: "0", count: max(0, 3 - String(i % 300 + 1).count)) + String(i % 300 + 1)
            csv += "\(id),尾矿库\(id),tailings_pond,\(county),yes,operating,,\(formatNumber(storage)),\(formatNumber(height)),yes,,,yes,yes,normal,\n"
            ponds.append(Pond(id: id, county: county, pondClass: TailingsClassification.pondClass(storage: storage, damHeight: height)))
        }
        let start = ISOTime.parse("2017-07-21T00:00:00+08:00")!.seconds
        var synth = MonitoringSynthesizer(ponds: ponds, seed: seed, start: start, steps: 144, validFrom: "2017-07-21", validTo: "2017-07-21",
                                          layout: { _ in nationalItems }, interval: { _ in 10 })
        synth.initialWetness = 40
        for pond in ponds.indices where rng.chance(0.04) {
            synth.storms.append(Storm(pond: pond, start: rng.integer(6, 100), steps: 18, millimetres: rng.uniform(20, 130), response: rng.chance(0.5) ? 0.08 : 0))
        }
        for point in 0..<(count * nationalItems.count) where rng.chance(0.005) {
            synth.faults.append(.silent(point: point, from: 110, to: nil))
        }
        return (synth, csv)
    }
}
