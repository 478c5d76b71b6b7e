/// The shape of the synthetic Liangshan data: the totals the 2017 report publishes (DOMAIN §1) and the
/// choices that fill them in. Only the generator reads this; the engine finds the totals in the data.
enum LiangshanPlan {
    /// The generator's fixed seed (the report's date, 2017-06-16).
    static let seed: UInt64 = 2017_0616

    /// One facility kind's part of the two rounds.
    struct KindPlan {
        let kind: FacilityKind
        /// Facilities in both rounds, only in 2016 (closed or closed out before 2017), only in 2017 (new).
        let both: Int, only2016: Int, only2017: Int
        /// Graded (completely assessed) facilities in 2017, by intended level low, general, significant, major.
        let graded2017: [Int]
        /// Graded facilities in 2016 (mostly graded again in 2017).
        let graded2016: Int
        /// Non-coal facilities that had not reached safety standardization (达标) in each round.
        let notStandardized2017: Int, notStandardized2016: Int
    }

    /// 2017: 96 + 36 + 48 non-coal = 180 and 9 coal = 189 assessed (专家会诊); 26 + 11 + 15 + 6 = 58 graded;
    /// 20 non-coal not standardized, so 160 of 180 are. Coal rounds come from the register below.
    static let kinds: [KindPlan] = [
        KindPlan(kind: .undergroundMine, both: 93, only2016: 4, only2017: 3, graded2017: [9, 12, 4, 1],
                 graded2016: 18, notStandardized2017: 12, notStandardized2016: 17),
        KindPlan(kind: .openPitMine, both: 34, only2016: 2, only2017: 2, graded2017: [3, 5, 2, 1],
                 graded2016: 8, notStandardized2017: 5, notStandardized2016: 7),
        KindPlan(kind: .tailingsPond, both: 47, only2016: 1, only2017: 1, graded2017: [6, 6, 3, 0],
                 graded2016: 11, notStandardized2017: 3, notStandardized2016: 5),
    ]

    /// The coal mines graded in each round (of the 9 operating in 2017, and of the 13 operating in 2016).
    static let coalGraded2017 = [2, 3, 1, 0]
    static let coalGraded2016 = 5

    /// Pond classes of the 2017 ponds (AQ 2006-2005 Table 1): a few class 3, the rest class 4 and 5.
    static let pondClasses2017: [Int: Int] = [3: 4, 4: 17, 5: 27]
    /// Ponds of class 4 and 5 that have online monitoring anyway (class 3 always has it).
    static let monitoredClass4 = 7, monitoredClass5 = 3

    /// One mine of the coal register.
    struct CoalMine {
        let capacityTpa: Int
        /// Year of closure, nil while operating.
        let closed: Int?
        let reason: String?
    }

    static let smallMineExit = "落后产能淘汰(9万吨/年及以下)"
    /// The register: 20 mines at baseline; 11 small ones closed 2014–2016 (55 %), 9 remaining with
    /// 1,440,000 t/yr. Two of the remaining are at or under 90,000 t/yr, as Sichuan's exit rule would catch.
    static let coalRegister: [CoalMine] = [
        CoalMine(capacityTpa: 300_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 240_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 210_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 150_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 150_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 120_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 120_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 90_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 60_000, closed: nil, reason: nil),
        CoalMine(capacityTpa: 30_000, closed: 2014, reason: smallMineExit),
        CoalMine(capacityTpa: 45_000, closed: 2014, reason: smallMineExit),
        CoalMine(capacityTpa: 60_000, closed: 2014, reason: "安全条件不达标，整顿无望关闭"),
        CoalMine(capacityTpa: 30_000, closed: 2015, reason: smallMineExit),
        CoalMine(capacityTpa: 60_000, closed: 2015, reason: smallMineExit),
        CoalMine(capacityTpa: 90_000, closed: 2015, reason: smallMineExit),
        CoalMine(capacityTpa: 150_000, closed: 2015, reason: "资源枯竭"),
        CoalMine(capacityTpa: 45_000, closed: 2016, reason: smallMineExit),
        CoalMine(capacityTpa: 60_000, closed: 2016, reason: smallMineExit),
        CoalMine(capacityTpa: 90_000, closed: 2016, reason: smallMineExit),
        CoalMine(capacityTpa: 90_000, closed: 2016, reason: smallMineExit),
    ]

    /// Counties with coal, and how many of the register's mines each has.
    static let coalCounties: [(county: String, mines: Int)] = [
        ("盐源县", 6), ("会理县", 3), ("宁南县", 3), ("普格县", 2), ("越西县", 2), ("布拖县", 2), ("美姑县", 1), ("昭觉县", 1),
    ]

    /// Facilities whose grade changes between the rounds: better in 2017 than in 2016, and worse.
    static let improved = 8, worsened = 3

    /// Experts: E01…E21; E07 retired after 2016, E20 and E21 joined in 2017.
    static let expertCount = 21
    static let retiredAfter2016 = ["E07"]
    static let joined2017 = ["E20", "E21"]
    /// Fields of the 21 experts (nil: safety management and inspection).
    static let expertFields: [FacilityKind?] = Array(repeating: .tailingsPond, count: 4)
        + Array(repeating: .undergroundMine, count: 5) + Array(repeating: .openPitMine, count: 3)
        + Array(repeating: .coalMine, count: 3) + Array(repeating: nil, count: 6)

    /// Years of the accident series: accidents and deaths fell every year (连续10年双下降).
    static let accidentYears = 2007...2016
}
