import Foundation

/// Generates the bundled Liangshan data: the 2017 round the report describes and the 2016 round before it.
///
/// The data are synthetic, made so that grading them reproduces the report's published totals (DOMAIN §1);
/// the same seed and models give the same bytes on every run.
public struct LiangshanSynthesizer {
    public let models: ModelSet
    public let seed: UInt64
    let plan: LiangshanPlan

    /// The plan of the bundled data, from the repository root.
    public static let defaultPlan = "seeds/liangshan-plan.yaml"

    /// The files of each round, in the order they are written.
    public static let files2017 = ["round.yaml", "facilities.csv", "experts.csv", "assessments.csv", "hazards.csv", "coal_mines.csv", "accidents.csv"]
    public static let files2016 = ["round.yaml", "facilities.csv", "experts.csv", "assessments.csv", "hazards.csv", "coal_mines.csv"]

    /// A generator of the rounds a plan file describes, with the plan's seed unless `seed` is given.
    public init(models: ModelSet, plan path: String = LiangshanSynthesizer.defaultPlan, seed: UInt64? = nil) throws {
        self.models = models
        plan = try LiangshanPlan.load(path: path)
        self.seed = seed ?? plan.seed
    }

    /// Both rounds' files: year → file name → bytes.
    public func generate() throws -> [Int: [String: Data]] {
        var synth: [FacilityKind: KindSynth] = [:]
        for kind in FacilityKind.allCases {
            guard let loaded = models[kind] else {
                throw MineRiskError.usage("the Liangshan data need a model for every facility kind; \(kind.rawValue) has none in the models folder")
            }
            synth[kind] = KindSynth(model: loaded.model)
        }
        var rng = SplitMix64(seed: seed, stream: 0, item: 0)
        let entries = LiangshanUniverse(plan: plan).build(&rng)
        let rounds = LiangshanRounds(plan: plan, entries: entries, synth: synth)
        let experts = LiangshanRounds.experts(plan, &rng)
        var r2017 = rounds.plan2017(experts: experts, &rng)
        var r2016 = rounds.plan2016(experts: experts, after: r2017, &rng)
        // The hidden-danger register: its own random streams, so the grading data above are drawn as before.
        let register = LiangshanRegister(entries: entries, seed: seed)
        register.complete(&r2016, assessedOn: plan.assessedOn2016, earlier: nil)
        register.complete(&r2017, assessedOn: plan.assessedOn2017, earlier: r2016)
        let writer = RoundWriter(entries: entries, synth: synth, seed: seed)
        var files2017 = try writer.files(r2017)
        files2017["coal_mines.csv"] = try Self.coalRegister(entries, asOf: 2017)
        files2017["accidents.csv"] = try Self.accidents(years: plan.accidentYears.first...plan.accidentYears.last, &rng)
        var files2016 = try writer.files(r2016)
        files2016["coal_mines.csv"] = try Self.coalRegister(entries, asOf: 2016)
        files2017["round.yaml"] = Self.roundFile(round: "2017", assessedOn: plan.assessedOn2017, region: plan.region)
        files2016["round.yaml"] = Self.roundFile(round: "2016", assessedOn: plan.assessedOn2016, region: plan.region)
        return [2017: files2017, 2016: files2016]
    }

    /// Writes the 2017 round to one folder and, if given, the 2016 round to another; returns the paths written.
    @discardableResult
    public func write(to folder2017: String, earlier folder2016: String?) throws -> [String] {
        let rounds = try generate()
        var written: [String] = []
        for (year, folder, names) in [(2017, folder2017, Self.files2017), (2016, folder2016, Self.files2016)] {
            guard let folder else { continue }
            try createFolder(folder)
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                try AtomicWriter.write(rounds[year]![name]!, to: path)
                written.append(path)
            }
        }
        return written
    }

    /// round.yaml: the round, the day it was assessed (which chooses the rules in force) and the region.
    static func roundFile(round: String, assessedOn: String, region: String) -> Data {
        Data("""
        # The round: its date chooses the rules in force (online-monitoring duty, major-hazard lists).
        round: "\(round)"
        assessedOn: "\(assessedOn)"
        region: \(region)

        """.utf8)
    }

    /// coal_mines.csv as the register stood in a year: closures of that year and later not yet made.
    static func coalRegister(_ entries: [SynthEntry], asOf year: Int) throws -> Data {
        let sink = CSVSink(header: ["id", "name", "county", "capacity_tpa", "status", "closed_year", "reason"])
        for entry in entries where entry.kind == .coalMine {
            let closed = entry.closedYear.map { $0 < year } ?? false
            sink.field(entry.id)
            sink.field(entry.name)
            sink.field(entry.county)
            sink.integer(entry.capacityTpa!)
            sink.field(closed ? "closed" : "operating")
            if closed, let closedYear = entry.closedYear { sink.integer(closedYear) } else { sink.empty() }
            if closed, let reason = entry.closureReason { sink.field(reason) } else { sink.empty() }
            sink.endRow()
        }
        return try sink.finish()
    }

    /// accidents.csv: production-safety accidents and deaths by year, both falling every year
    /// (the report: 连续10年双下降). The yearly numbers are illustrative; the report gives only the trend.
    static func accidents(years: ClosedRange<Int>, _ rng: inout SplitMix64) throws -> Data {
        let sink = CSVSink(header: ["year", "accidents", "deaths"])
        var accidents = Double(rng.integer(150, 190)), deaths = Double(rng.integer(175, 225))
        var previous: (Int, Int) = (Int.max, Int.max)
        for year in years {
            let a = min(Int(accidents), previous.0 - 1), d = min(Int(deaths), previous.1 - 1)
            sink.integer(year)
            sink.integer(a)
            sink.integer(d)
            sink.endRow()
            previous = (a, d)
            accidents *= rng.uniform(0.84, 0.95)
            deaths *= rng.uniform(0.82, 0.95)
        }
        return try sink.finish()
    }
}

/// Creates a folder (and its parents) for generated files.
func createFolder(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else { throw MineRiskError.cannotCreate("\(path): exists and is not a folder") }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw MineRiskError.cannotCreate("\(path): cannot create the folder: \(error.localizedDescription)")
    }
}
