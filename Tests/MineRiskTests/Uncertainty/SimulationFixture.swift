import Foundation
@testable import MineRisk

/// A small synthetic round written to a temporary folder, graded with the repository's models: facilities
/// spread over all grades and close to band edges, unequal expert weights, partial panels, one incomplete
/// facility and one vetoed facility.
struct SimulationFixture {
    let directory: String
    let models: ModelSet
    let data: Dataset

    static var modelsDirectory: String { repositoryRoot.appendingPathComponent("Models").path }

    init(facilities n: Int = 40, experts: Int = 5, seed: UInt64 = 11) throws {
        let models = try ModelLoader.load(directory: Self.modelsDirectory)
        directory = try temporaryFolder().path
        try Self.write(models: models, to: directory, facilities: n, experts: experts, seed: seed)
        self.models = models
        data = try DatasetLoader(directory: directory, models: models).load()
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes facilities.csv, experts.csv, assessments.csv and hazards.csv.
    static func write(models: ModelSet, to directory: String, facilities n: Int, experts e: Int, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let kinds = models.models.keys.sorted()
        var facilities = "id,name,kind,county,standardized,status,storage_volume_10k_m3,dam_height_m,online_monitoring\n"
        var assessments = "facility_id,expert_id,indicator_id,value\n"
        var hazards = "facility_id,code,description,found_on\n"
        var experts = "id,name,title,weight\n"
        for k in 0..<e { experts += "E\(k + 1),Expert \(k + 1),engineer,\(1 + Double(k % 3) * 0.5)\n" }
        for i in 0..<n {
            let kind = kinds[i % kinds.count]
            let model = models[kind]!.model
            let id = "F\(i + 1)"
            let pond = kind == .tailingsPond ? "\(100 + random.nextInt(below: 3000)),\(20 + random.nextInt(below: 90)),yes" : ",,"
            facilities += "\(id),Facility \(i + 1),\(kind.rawValue),West,yes,operating,\(pond)\n"
            // Latent grade position 0…4; wide per-indicator spread keeps some scores near band edges.
            let latent = 4 * random.nextUnit()
            let panel = i % 4 == 3 ? Array(0..<3) : Array(0..<e)
            for (j, indicator) in model.indicators.enumerated() {
                if i == 1, j == model.indicators.count - 1 { continue } // one incomplete facility
                let position = latent + 1.2 * random.nextNormal()
                for k in panel {
                    let p = min(3.99, max(0.01, position + 0.6 * random.nextNormal()))
                    assessments += "\(id),E\(k + 1),\(indicator.id),\(value(of: indicator, at: p))\n"
                }
            }
            if i == 2 { hazards += "\(id),\(model.vetoes[0].code),found,2017-05-10\n" }
        }
        for (name, text) in [("facilities.csv", facilities), ("experts.csv", experts), ("assessments.csv", assessments), ("hazards.csv", hazards)] {
            try text.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// A value of an indicator at a grade position (0 low … 4 major), inside its range.
    static func value(of indicator: Indicator, at position: Double) -> String {
        if indicator.scale == .level { return String(Int(position) + 1) }
        let e = indicator.edges!
        let knots = [e[0] - (e[1] - e[0]), e[0], e[1], e[2], e[2] + (e[2] - e[1])]
        let k = min(3, Int(position))
        var x = knots[k] + (position - Double(k)) * (knots[k + 1] - knots[k])
        if let range = indicator.range { x = min(range[1], max(range[0], x)) }
        return String(format: "%.2f", x)
    }
}
