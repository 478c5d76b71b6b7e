/// How a facility's grade moved from one round to the next.
public enum GradeChange: String, Sendable, Codable, CaseIterable {
    /// The grade rose toward major: more risk.
    case up
    /// The grade fell toward low: less risk.
    case down
    /// The same grade in both rounds.
    case same
    /// In the later round only.
    case new
    /// In the earlier round only: closed, or no longer assessed.
    case closed
    /// In both rounds, but not graded (incomplete assessment) in one or both of them.
    case incomplete
}

/// The comparison of two rounds' newest saved gradings.
public struct RoundDiff: Sendable, Equatable, Encodable {
    /// A facility of one round with its saved result.
    public struct Member: Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: String
        public var county: String
        public var result: StoredGrade?
    }

    /// One round of the comparison and the run it is read from.
    public struct Side: Sendable, Equatable {
        public var round: String
        public var run: GradeRunInfo
        public var facilities: [Member]
    }

    /// A facility's change, with its result in each round where it is.
    public struct Change: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var kind: String
        public var county: String
        public var change: GradeChange
        public var from: StoredGrade?
        public var to: StoredGrade?
    }

    public var from: String
    public var to: String
    public var fromRun: GradeRunInfo
    public var toRun: GradeRunInfo
    /// Every facility of either round: the later round's in its order, then the closed ones.
    public var changes: [Change]
    /// change → number of facilities, every kind of change listed.
    public var counts: [String: Int]
    /// What differs between the two runs' models and options; empty when they were graded alike.
    public var methodDifferences: [String]

    /// Compares two rounds.
    public init(from a: Side, to b: Side) {
        from = a.round
        to = b.round
        fromRun = a.run
        toRun = b.run
        let before = Dictionary(uniqueKeysWithValues: a.facilities.map { ($0.id, $0) })
        let afterIDs = Set(b.facilities.map(\.id))
        var changes: [Change] = []
        for member in b.facilities {
            let old = before[member.id]
            let change: GradeChange
            switch (old?.result?.grade, member.result?.grade) {
            case _ where old == nil: change = .new
            case let (x?, y?): change = y > x ? .up : y < x ? .down : .same
            default: change = .incomplete
            }
            changes.append(Change(id: member.id, name: member.name, kind: member.kind, county: member.county,
                                  change: change, from: old?.result, to: member.result))
        }
        for member in a.facilities where !afterIDs.contains(member.id) {
            changes.append(Change(id: member.id, name: member.name, kind: member.kind, county: member.county,
                                  change: .closed, from: member.result, to: nil))
        }
        self.changes = changes
        counts = Dictionary(uniqueKeysWithValues: GradeChange.allCases.map { kind in (kind.rawValue, changes.filter { $0.change == kind }.count) })
        methodDifferences = Self.differences(a.run, b.run)
    }

    /// The models and options in which two runs differ, said plainly.
    static func differences(_ a: GradeRunInfo, _ b: GradeRunInfo) -> [String] {
        var found: [String] = []
        let modelsA = Dictionary(uniqueKeysWithValues: a.models.map { ($0.kind, $0) })
        let modelsB = Dictionary(uniqueKeysWithValues: b.models.map { ($0.kind, $0) })
        for kind in Set(modelsA.keys).union(modelsB.keys).sorted() {
            let x = modelsA[kind], y = modelsB[kind]
            if x?.sha256 != y?.sha256 {
                found.append("\(kind.rawValue) model: v\(x?.modelVersion ?? "none") sha256 \(x?.sha256.prefix(12) ?? "-") vs v\(y?.modelVersion ?? "none") sha256 \(y?.sha256.prefix(12) ?? "-")")
            }
        }
        let (x, y) = (a.options, b.options)
        if x.riTable != y.riTable { found.append("RI table: \(x.riTable.rawValue) vs \(y.riTable.rawValue)") }
        if x.ahpMethod != y.ahpMethod { found.append("AHP method: \(x.ahpMethod.rawValue) vs \(y.ahpMethod.rawValue)") }
        if x.weightingChoice != y.weightingChoice { found.append("weighting: \(x.weighting) vs \(y.weighting)") }
        if x.fuzzyOperator != y.fuzzyOperator { found.append("operator: \(x.fuzzyOperator) vs \(y.fuzzyOperator)") }
        if x.gradeRule != y.gradeRule { found.append("grade rule: \(x.gradeRule.rawValue) vs \(y.gradeRule.rawValue)") }
        return found
    }
}
