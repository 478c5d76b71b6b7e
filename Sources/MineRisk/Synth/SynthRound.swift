/// A major-accident-hazard finding planned for a facility.
struct SynthHazard {
    let code: String
    let description: String
    let foundOn: String
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
