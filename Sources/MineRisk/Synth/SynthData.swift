// The plain data the generators pass around, from one facility's pond to a whole round.

/// The pond columns of facilities.csv as one round records them.
struct SynthPond: Sendable {
    /// Total storage in 10⁴ m³.
    var storage: Double
    /// Dam height in m.
    var height: Double
    var monitoring: Bool

    var pondClass: Int { TailingsClassification.pondClass(storage: storage, damHeight: height) }
}

/// The safety-degree inputs of a pond (AQ 2006-2005 §8), derived from its drawn indicator values.
struct PondState {
    var slopeFactor: Double?
    var requiredFactor: Double?
    var freeboardOK: Bool?
    var beachOK: Bool?
    var flood: FloodDischarge?
}

/// An expert as the generators hold one: the experts.csv columns, a field and a leniency.
struct SynthExpert: Sendable {
    let id: String
    let name: String
    let title: String
    let weight: Double
    /// The kind of facility the expert specialises in; nil for safety management and inspection.
    let field: FacilityKind?
    /// Points added to every 0–100 score the expert gives (some are stricter than others).
    let bias: Double
    var idBytes: [UInt8] { Array(id.utf8) }
}

/// What one facility's assessment is drawn from.
struct FacilitySpec {
    /// The facility's own risk level, 0 low … 3 major.
    var level: Int
    /// Indicator indices nobody assessed.
    var missing: Set<Int> = []
    /// Indicator index → grade it must take (a planned hazard or pond state).
    var forced: [Int: Int] = [:]
    var pond: SynthPond?
    /// Standardization vote: 1 一级, 2 二级, 3 三级, 4 not certified.
    var certificate: Int = 3
}

/// One facility across the rounds: what does not change from year to year.
struct SynthEntry {
    let id: String
    let name: String
    let kind: FacilityKind
    let county: String
    var capacityTpa: Int?
    var in2016: Bool
    var in2017: Bool
    /// The pond's columns in 2017 (for a pond closed out before 2017, in 2016).
    var pond: SynthPond?
    /// Coal: the register's closure year and reason.
    var closedYear: Int?
    var closureReason: String?
}

/// A hidden-danger finding planned for a facility: a major one (a veto) or a general one, with its register fields.
struct SynthHazard {
    var code: String
    var description: String
    var foundOn: String
    var id = ""
    var level: HazardLevel = .major
    var inspection = ""
    var foundBy = ""
    var deadline = ""
    var responsible = ""
    var measures = ""
    var funds = ""
    var plan = ""
    var status: HazardStatus = .open
    var acceptedOn = ""
    var acceptedBy = ""
    var reopened = 0

    init(code: String, description: String, foundOn: String) {
        self.code = code
        self.description = description
        self.foundOn = foundOn
    }
}

/// One facility's state in one round: how risky it is, how far its assessment got, what was found.
struct RoundFacility {
    /// Index of the facility in the universe.
    let entry: Int
    /// Intended risk level, 0 low … 3 major.
    var level: Int
    /// Completely assessed, so the engine grades it.
    var graded: Bool
    var standardized = true
    /// Standardization vote: 1 一级, 2 二级, 3 三级, 4 not certified.
    var certificate = 3
    var status: FacilityStatus = .operating
    var idleMonths = 0
    /// Indicator indices nobody assessed (empty when graded).
    var missing: Set<Int> = []
    /// Indicator id → grade it must take.
    var forced: [String: Int] = [:]
    var pond: SynthPond?
    var hazards: [SynthHazard] = []
}

/// One round of the data: its year, its experts and its facilities in file order.
struct SynthRound {
    let year: Int
    var experts: [SynthExpert]
    var facilities: [RoundFacility]

    /// The position of a universe entry in this round.
    func position(of entry: Int) -> Int? { facilities.firstIndex { $0.entry == entry } }
}
