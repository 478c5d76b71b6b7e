/// Whether a facility could be graded.
public enum GradingStatus: String, Codable, Sendable {
    case graded
    case incomplete

    /// 已分级 / 评估不完整.
    public var zh: String { self == .graded ? "已分级" : "评估不完整" }
}

/// What decided a graded facility's grade.
public enum GradedBy: String, Codable, Sendable, CaseIterable {
    /// The risk score B·v in the model's bands.
    case score
    /// The grade of maximum membership (`--grade-by membership`).
    case membership
    /// A major accident hazard (一票否决): major whatever the score, complete or not.
    case veto
    /// A 危库 or 险库 pond (AQ 2006-2005 §8): major whatever the score.
    case safetyDegree = "safety-degree"
    /// The pond's online-monitoring warning level.
    case warning

    /// 分值 / 隶属度 / 一票否决 / 安全度 / 预警.
    public var zh: String {
        switch self {
        case .score: return "分值"
        case .membership: return "最大隶属度"
        case .veto: return "一票否决"
        case .safetyDegree: return "安全度"
        case .warning: return "监测预警"
        }
    }
}

/// One facility's grading, as every output format shows it.
public struct FacilityResult: Sendable, Equatable, Encodable {
    public var id: String
    public var name: String
    public var kind: FacilityKind
    public var county: String
    public var standardized: Bool
    public var status: GradingStatus
    public var score: Double?
    public var grade: RiskGrade?
    /// Memberships of low, general, significant, major.
    public var membership: [Double]?
    public var tailingsClass: Int?
    public var onlineMonitoring: Bool?
    public var monitoringRequired: Bool?
    public var safetyDegree: SafetyDegree?
    /// How the grade was decided; nil while not graded.
    public var gradedBy: GradedBy?
    /// The criterion layer (准则层): each criterion's weight, membership and score; nil while not evaluated.
    public var criteria: [CriterionResult]?
    /// The major accident hazards that grade the facility major, each with its text and where it was found.
    public var vetoes: [VetoFinding]
    /// Indicator ids with no expert value.
    public var missing: [String]
    /// Compliance findings, such as a class 1–3 pond without online monitoring.
    public var findings: [String]
    /// Inspection order inside the facility's kind and grade (1 first), by TOPSIS closeness to the riskiest profile.
    public var inspectionPriority: Int?
    /// How many experts assessed it.
    public var experts: Int

    enum CodingKeys: String, CodingKey {
        case id, name, kind, county, standardized, status, score, grade, gradeZh, colour, letter, gradedBy, membership, criteria
        case tailingsClass, onlineMonitoring, monitoringRequired, safetyDegree, vetoes, missing, findings, inspectionPriority, experts
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(county, forKey: .county)
        try c.encode(standardized, forKey: .standardized)
        try c.encode(status, forKey: .status)
        // Machine output keeps full precision; the tables round.
        try c.encode(score, forKey: .score)
        try c.encode(grade, forKey: .grade)
        try c.encode(grade?.zh, forKey: .gradeZh)
        try c.encode(grade?.colour, forKey: .colour)
        try c.encode(grade?.letter, forKey: .letter)
        try c.encode(gradedBy, forKey: .gradedBy)
        try c.encode(membership, forKey: .membership)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(tailingsClass, forKey: .tailingsClass)
        try c.encode(onlineMonitoring, forKey: .onlineMonitoring)
        try c.encode(monitoringRequired, forKey: .monitoringRequired)
        try c.encode(safetyDegree, forKey: .safetyDegree)
        try c.encode(vetoes, forKey: .vetoes)
        try c.encode(missing, forKey: .missing)
        try c.encode(findings, forKey: .findings)
        try c.encode(inspectionPriority, forKey: .inspectionPriority)
        try c.encode(experts, forKey: .experts)
    }
}

/// Counts of a group of facilities.
public struct GroupCount: Sendable, Equatable, Codable {
    public var facilities = 0
    public var graded = 0
    public var incomplete = 0
    public var byGrade: [String: Int] = Dictionary(uniqueKeysWithValues: RiskGrade.allCases.map { ($0.rawValue, 0) })

}

/// Totals of a grading run: the numbers a bureau reports.
public struct GradeSummary: Sendable, Equatable, Codable {
    public var facilities = 0
    public var graded = 0
    public var incomplete = 0
    /// Facility rows rejected by `--skip-invalid`; graded + incomplete + rejected = rows in facilities.csv.
    public var rejected = 0
    public var vetoed = 0
    public var byGrade: [String: Int] = Dictionary(uniqueKeysWithValues: RiskGrade.allCases.map { ($0.rawValue, 0) })
    public var byKind: [String: GroupCount] = [:]
    public var byCounty: [String: GroupCount] = [:]
    /// Facilities that reached safety standardization (达标): all, and non-coal (mines and ponds).
    public var standardized = 0
    public var nonCoalFacilities = 0
    public var nonCoalStandardized = 0
    public var ponds = PondSummary()

    public init(results: [FacilityResult], rejected: Int) {
        self.rejected = rejected
        // Counted by number first (grade, kind, county in order of appearance), the dictionaries made once at the end:
        // a national round has hundreds of thousands of facilities and a few dozen counties.
        let kinds = FacilityKind.allCases, grades = RiskGrade.allCases
        let nonCoal = kinds.map(\.profile.nonCoal)
        var gradeCounts = [Int](repeating: 0, count: grades.count)
        var kindTallies = [GroupTally](repeating: GroupTally(), count: kinds.count)
        var countyIndex: [String: Int] = [:], counties: [String] = [], countyTallies: [GroupTally] = []
        results.withUnsafeBufferPointer { results in
            for k in results.indices {
                let isGraded = results[k].status == .graded, grade = results[k].grade?.index
                facilities += 1
                if isGraded { graded += 1 } else { incomplete += 1 }
                if let grade { gradeCounts[grade] += 1 }
                if !results[k].vetoes.isEmpty { vetoed += 1 }
                let kind = kinds.firstIndex(of: results[k].kind)!
                kindTallies[kind].add(graded: isGraded, grade: grade)
                let county: Int
                if let found = countyIndex[results[k].county] {
                    county = found
                } else {
                    county = counties.count
                    countyIndex[results[k].county] = county
                    counties.append(results[k].county)
                    countyTallies.append(GroupTally())
                }
                countyTallies[county].add(graded: isGraded, grade: grade)
                if results[k].standardized { standardized += 1 }
                if nonCoal[kind] {
                    nonCoalFacilities += 1
                    if results[k].standardized { nonCoalStandardized += 1 }
                }
                ponds.add(results[k])
            }
        }
        for (g, grade) in grades.enumerated() { byGrade[grade.rawValue] = gradeCounts[g] }
        for (k, kind) in kinds.enumerated() where kindTallies[k].facilities > 0 { byKind[kind.rawValue] = kindTallies[k].counts }
        for (c, county) in counties.enumerated() { byCounty[county] = countyTallies[c].counts }
    }
}

/// A group's counts while a summary is made: grades by their index.
private struct GroupTally {
    var facilities = 0, graded = 0, incomplete = 0
    var byGrade = [0, 0, 0, 0]

    mutating func add(graded isGraded: Bool, grade: Int?) {
        facilities += 1
        if isGraded { graded += 1 } else { incomplete += 1 }
        if let grade { byGrade[grade] += 1 }
    }

    var counts: GroupCount {
        var group = GroupCount()
        group.facilities = facilities
        group.graded = graded
        group.incomplete = incomplete
        for (g, grade) in RiskGrade.allCases.enumerated() { group.byGrade[grade.rawValue] = byGrade[g] }
        return group
    }
}

/// How a grading run was made, so that it can be reproduced.
public struct Provenance: Sendable, Equatable, Codable {
    public var engine: String
    public var models: [ModelProvenance]
    public var riTable: RandomIndexTable
    public var ahpMethod: AHPMethod
    /// Where the indicator weights came from; JSON writes it typed (`weightingChoice`) beside its label (`weighting`).
    public var weightingChoice: WeightingChoice
    public var fuzzyOperator: String
    public var gradeRule: GradeRule
    /// The date the round's rules were chosen by, and where it came from.
    public var asOf: RoundDate
    /// The rules of standards that changed over time, as chosen for `asOf`.
    public var rules: [RuleInForce]
    public var dataDirectory: String
    /// The input files' SHA-256, made when first asked for (`dataFiles`).
    public var dataDigests: FileDigests
    public var blas: BLASInfo

    public init(engine: String, models: [ModelProvenance], riTable: RandomIndexTable, ahpMethod: AHPMethod, weightingChoice: WeightingChoice,
                fuzzyOperator: String, gradeRule: GradeRule, asOf: RoundDate, rules: [RuleInForce], dataDirectory: String,
                dataDigests: FileDigests, blas: BLASInfo) {
        self.engine = engine
        self.models = models
        self.riTable = riTable
        self.ahpMethod = ahpMethod
        self.weightingChoice = weightingChoice
        self.fuzzyOperator = fuzzyOperator
        self.gradeRule = gradeRule
        self.asOf = asOf
        self.rules = rules
        self.dataDirectory = dataDirectory
        self.dataDigests = dataDigests
        self.blas = blas
    }

    /// Input file → SHA-256 (hashing the files the first time it is asked for).
    public var dataFiles: [String: String] {
        get { dataDigests.values }
        set { dataDigests = FileDigests(hashes: newValue) }
    }

    /// The weighting choice's label, as the tables show it.
    public var weighting: String { weightingChoice.label }
}

/// The result of grading a round: every facility, the totals and the provenance.
public struct GradeReport: Sendable, Equatable, Encodable {
    public var facilities: [FacilityResult]
    public var summary: GradeSummary
    public var provenance: Provenance
    /// The weights each model used, by kind.
    public var weights: [String: [String: Double]]
    public var rejects: [RejectedRow]
}

/// The engine's version, recorded in provenance.
public let engineVersion = "minerisk 0.1.0"
