import Foundation

/// Writes synthetic online-monitoring data in the format of monitoring/: points.csv, thresholds.yaml and
/// readings.csv(.gz), for the Liangshan 2017 flood season or a national benchmark day. Rain drives a
/// wetness state per pond that raises the phreatic line, lowers freeboard and beach, and speeds up
/// displacement; a rainstorm and a few ordinary sensor faults are planned. Deterministic: the same
/// plan and seed give the same bytes.
public struct MonitoringSynthesizer {
    /// One pond to instrument.
    public struct Pond: Sendable {
        public var id: String
        public var county: String
        public var pondClass: Int
    }

    /// A sensor fault to plant.
    enum Fault {
        /// No readings from `from` on (to `to`, when it comes back).
        case silent(point: Int, from: Int, to: Int?)
        /// The value freezes from this step on.
        case stuck(point: Int, from: Int)
        /// These steps read an impossible spike, flagged bad.
        case badSpikes(point: Int, steps: [Int])
    }

    /// Rain over a pond beyond its daily showers: `millimetres` spread over `steps` 10-minute steps from `start`.
    struct Storm {
        var pond: Int
        var start: Int
        var steps: Int
        var millimetres: Double
        /// How strongly the pond's displacement responds to wetness (mm/day per mm of wetness).
        var response: Double
    }

    public let ponds: [Pond]
    let seed: UInt64
    /// First reading (seconds since the epoch) and the number of 10-minute steps.
    let start: Int64
    let steps: Int
    let offsetMinutes = 480
    let validFrom: String, validTo: String
    /// Items of each pond by class: the faster set for classes 1–3.
    let layout: (Int) -> [MonitoredItem]
    /// Interval in minutes by class.
    let interval: (Int) -> Int
    var storms: [Storm] = []
    var faults: [Fault] = []
    /// Starting wetness per pond (mm), drawn in [0, this).
    var initialWetness = 0.0
    var pointOverride: (pond: Int, item: MonitoredItem)?

    /// What was written.
    public struct Summary: Sendable {
        public var folder: String
        public var points: Int
        public var readings: Int
        /// SHA-256 of the readings' uncompressed text.
        public var readingsSHA256: String
        public var files: [String]
    }

    /// A point of the layout: its pond, item and ordinal within the item.
    struct PlannedPoint {
        var pond: Int
        var item: MonitoredItem
        var ordinal: Int
        var id: String
        var interval: Int
    }

    var plannedPoints: [PlannedPoint] {
        var result: [PlannedPoint] = []
        for (index, pond) in ponds.enumerated() {
            var ordinals: [MonitoredItem: Int] = [:]
            for (n, item) in layout(pond.pondClass).enumerated() {
                let ordinal = (ordinals[item] ?? 0) + 1
                ordinals[item] = ordinal
                let number = n + 1 < 10 ? "0\(n + 1)" : "\(n + 1)"
                result.append(PlannedPoint(pond: index, item: item, ordinal: ordinal, id: "P-\(pond.id)-\(number)", interval: interval(pond.pondClass)))
            }
        }
        return result
    }

    /// Each point's base level, drawn from its own stream (the thresholds of some items are set around it).
    func bases(_ points: [PlannedPoint]) -> [Double] {
        points.enumerated().map { index, point in
            var rng = SplitMix64(seed: seed, stream: 1, item: UInt64(index))
            return base(point, &rng)
        }
    }

    /// Writes points.csv, thresholds.yaml and the readings into `folder` (created if needed).
    public func write(to folder: String, gzip: Bool) throws -> Summary {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw MineRiskError.cannotCreate("\(folder): cannot create the folder: \(error.localizedDescription)")
        }
        let points = plannedPoints
        try AtomicWriter.write(pointsCSV(points), to: (folder as NSString).appendingPathComponent("points.csv"))
        try AtomicWriter.write(thresholdsYAML(points), to: (folder as NSString).appendingPathComponent("thresholds.yaml"))
        let name = gzip ? "readings.csv.gz" : "readings.csv"
        let (readings, digest) = try writeReadings(points, folder: folder, name: name, gzip: gzip)
        return Summary(folder: folder, points: points.count, readings: readings, readingsSHA256: digest,
                       files: ["points.csv", "thresholds.yaml", name].map { (folder as NSString).appendingPathComponent($0) })
    }

    func pointsCSV(_ points: [PlannedPoint]) -> String {
        var text = "point_id,facility_id,item,unit,location,installed_on,interval_minutes\n"
        for point in points {
            let location = "\(point.item.rawValue.replacingOccurrences(of: "_", with: " ")) \(point.ordinal)"
            text += "\(point.id),\(ponds[point.pond].id),\(point.item.rawValue),\(point.item.unit),\(location),2016-05-15,\(point.interval)\n"
        }
        return text
    }

    /// The base level of a point's quantity (drawn once per point).
    func base(_ point: PlannedPoint, _ rng: inout SplitMix64) -> Double {
        let pondClass = ponds[point.pond].pondClass
        switch point.item {
        case .phreaticDepth: return pondClass <= 3 ? rng.uniform(9, 12.5) : rng.uniform(7, 9.5)
        case .beachLength: return ThresholdDefaults.minimumBeachUpstream[max(1, min(5, pondClass)) - 1] * rng.uniform(1.5, 2.0)
        case .freeboard: return rng.uniform(1.8, 2.6)
        case .waterLevel: return (rng.uniform(1800, 2600) * 10).rounded() / 10
        case .porePressure: return (rng.uniform(60, 140)).rounded()
        case .seepageFlow: return (rng.uniform(1, 4) * 10).rounded() / 10
        case .turbidity: return rng.uniform(5, 20)
        case .damDisplacementH, .damDisplacementV, .landslideDisplacement, .rainfall: return 0
        }
    }
}
