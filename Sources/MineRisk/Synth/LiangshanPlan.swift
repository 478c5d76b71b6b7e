/// The shape of the synthetic Liangshan data, read from a plan file (`seeds/liangshan-plan.yaml`): how many
/// facilities of each kind each round has, how many are graded and at what level, the coal register, the
/// experts. Only the generator reads it; the engine finds the totals in the generated data.
struct LiangshanPlan: Decodable {
    struct Format: Decodable {
        let kind: String
        let version: Int
    }

    /// `{kind: liangshan-plan, version: 1}`.
    let format: Format
    /// The generator's seed when `--seed` is not given.
    let seed: UInt64

    /// One non-coal kind's part of the two rounds.
    struct KindCounts: Decodable {
        let kind: FacilityKind
        /// Facilities in both rounds, only in 2016 (closed or closed out before 2017), only in 2017 (new).
        let both: Int, only2016: Int, only2017: Int
        /// Graded (completely assessed) facilities in 2017, by intended level low, general, significant, major.
        let graded2017: [Int]
        /// Graded facilities in 2016 (mostly graded again in 2017).
        let graded2016: Int
        /// Facilities that had not reached safety standardization (达标) in each round.
        let notStandardized2017: Int, notStandardized2016: Int
    }

    let kinds: [KindCounts]

    /// The coal mines graded in each round (of those operating), by intended level in 2017.
    let coalGraded2017: [Int]
    let coalGraded2016: Int

    struct PondClass: Decodable {
        let `class`: Int
        let ponds: Int
    }

    /// Classes of the 2017 ponds (AQ 2006-2005 Table 1).
    let pondClasses2017: [PondClass]
    /// Ponds of class 4 and 5 that have online monitoring anyway (class 3 always has it).
    let monitoredClass4: Int, monitoredClass5: Int

    /// One mine of the coal register.
    struct CoalMine: Decodable {
        let capacityTpa: Int
        /// Year of closure, nil while operating.
        let closed: Int?
        let reason: String?
    }

    let coalRegister: [CoalMine]

    /// Counties with coal, and how many of the register's mines each has.
    struct CoalCounty: Decodable {
        let county: String
        let mines: Int
    }

    let coalCounties: [CoalCounty]

    /// Facilities whose grade changes between the rounds: better in 2017 than in 2016, and worse.
    let improved: Int, worsened: Int

    struct Experts: Decodable {
        struct Field: Decodable {
            /// nil: safety management and inspection.
            let kind: FacilityKind?
            let experts: Int
        }

        let count: Int
        let fields: [Field]
        let retiredAfter2016: [String]
        let joined2017: [String]
    }

    let experts: Experts

    struct Years: Decodable {
        let first: Int, last: Int
    }

    /// Years of the accident series.
    let accidentYears: Years

    /// The region and the day each round was assessed, written to each round's round.yaml.
    let region: String
    let assessedOn2016: String, assessedOn2017: String

    /// The field of each expert E01…, in order.
    var expertFields: [FacilityKind?] { experts.fields.flatMap { Array(repeating: $0.kind, count: $0.experts) } }

    /// The plan of a kind, nil for coal (whose rounds come from the register).
    func kind(_ kind: FacilityKind) -> KindCounts? { kinds.first { $0.kind == kind } }

    /// The plan file's keys: a misspelt one is an error, not a count silently left out.
    static let keys = YAMLKeySchema(
        ["format", "seed", "region", "assessedOn2016", "assessedOn2017", "kinds", "coalGraded2017", "coalGraded2016", "pondClasses2017", "monitoredClass4", "monitoredClass5",
         "coalRegister", "coalCounties", "improved", "worsened", "experts", "accidentYears"],
        [
            "format": YAMLKeySchema(["kind", "version"]),
            "kinds": YAMLKeySchema(["kind", "both", "only2016", "only2017", "graded2017", "graded2016",
                                     "notStandardized2017", "notStandardized2016"]),
            "pondClasses2017": YAMLKeySchema(["class", "ponds"]),
            "coalRegister": YAMLKeySchema(["capacityTpa", "closed", "reason"]),
            "coalCounties": YAMLKeySchema(["county", "mines"]),
            "experts": YAMLKeySchema(["count", "fields", "retiredAfter2016", "joined2017"], ["fields": YAMLKeySchema(["kind", "experts"])]),
            "accidentYears": YAMLKeySchema(["first", "last"]),
        ])

    /// Reads and checks a plan file.
    static func load(path: String) throws -> LiangshanPlan {
        let plan = try decodeYAML(LiangshanPlan.self, try TextFile(path: path).string, file: path, keys: keys,
                                  whenEmpty: "a plan starting with format: {kind: liangshan-plan, version: 1}")
        try plan.check(file: path)
        return plan
    }

    /// The counts must fit together, or the generator could not place them.
    private func check(file: String) throws {
        var problems = ProblemList()
        func require(_ condition: Bool, _ path: String, _ message: String) {
            if !condition { problems.add(SourceLocation(file: file, path: path), message) }
        }
        require(format.kind == "liangshan-plan" && format.version == 1, "format",
                "expected {kind: liangshan-plan, version: 1}, found {kind: \(format.kind), version: \(format.version)}")
        for (i, k) in kinds.enumerated() {
            require(k.kind != .coalMine, "kinds[\(i)].kind", "coal mines come from coalRegister, not from kinds")
            require(k.graded2017.count == 4, "kinds[\(i)].graded2017", "expected 4 counts (low, general, significant, major), found \(k.graded2017.count)")
            require(k.graded2017.reduce(0, +) <= k.both + k.only2017, "kinds[\(i)].graded2017", "more graded than the \(k.both + k.only2017) facilities of 2017")
            require(k.graded2016 <= k.both + k.only2016, "kinds[\(i)].graded2016", "more graded than the \(k.both + k.only2016) facilities of 2016")
            require([k.both, k.only2016, k.only2017, k.graded2016, k.notStandardized2016, k.notStandardized2017].allSatisfy { $0 >= 0 }
                        && k.graded2017.allSatisfy { $0 >= 0 }, "kinds[\(i)]", "counts must not be negative")
        }
        require(Set(kinds.map(\.kind)).count == kinds.count, "kinds", "a kind is planned twice")
        require(coalGraded2017.count == 4, "coalGraded2017", "expected 4 counts (low, general, significant, major), found \(coalGraded2017.count)")
        let ponds = kind(.tailingsPond).map { $0.both + $0.only2017 } ?? 0
        require(pondClasses2017.reduce(0) { $0 + $1.ponds } == ponds, "pondClasses2017", "the classes must add up to the \(ponds) ponds of 2017")
        let mines = coalCounties.reduce(0) { $0 + $1.mines }
        require(mines == coalRegister.count, "coalCounties", "the counties hold \(mines) mines, the register has \(coalRegister.count)")
        let operating = coalRegister.filter { $0.closed == nil }.count
        require(coalGraded2017.reduce(0, +) <= operating, "coalGraded2017", "more graded than the \(operating) operating coal mines")
        let fielded = experts.fields.reduce(0) { $0 + $1.experts }
        require(fielded == experts.count, "experts.fields", "the fields hold \(fielded) experts, the count is \(experts.count)")
        require((1...99).contains(experts.count), "experts.count", "expected 1–99 experts, found \(experts.count)")
        require(accidentYears.first <= accidentYears.last, "accidentYears", "first must not be after last")
        for (key, date) in [("assessedOn2016", assessedOn2016), ("assessedOn2017", assessedOn2017)] {
            require(isISODate(date), key, "expected a date YYYY-MM-DD, found \"\(date)\"")
        }
        try problems.throwIfAny()
    }
}
