/// The register as a bureau reports it: counts by county and level, the rectification rate, overdue findings,
/// and the major dangers with their 五落实 fields.
public struct HazardSummary: Sendable, Encodable, Equatable {
    public struct Counts: Sendable, Encodable, Equatable {
        public var found = 0
        public var closed = 0
        public var overdue = 0

        public init() {}
        /// 整改率 = closed / found; nil when nothing was found.
        public var rectificationRate: Double? { found == 0 ? nil : Double(closed) / Double(found) }

        mutating func add(_ e: HazardRegister.Entry) {
            found += 1
            if e.status == .closed { closed += 1 }
            if e.overdue { overdue += 1 }
        }

        enum CodingKeys: String, CodingKey { case found, closed, overdue, rectificationRate }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(found, forKey: .found)
            try c.encode(closed, forKey: .closed)
            try c.encode(overdue, forKey: .overdue)
            try c.encode(rectificationRate, forKey: .rectificationRate)
        }
    }

    /// A major danger with its 五落实 (DOMAIN §10: responsibility, measures, funds, deadline, plan).
    public struct Major: Sendable, Codable, Equatable {
        public var id, facility, name, county, code, status, responsible, measures, funds, deadline, plan: String
        public var overdue: Bool
    }

    public var found: Int
    public var closed: Int
    public var overdue: Int
    public var rectificationRate: Double?
    public var byCounty: [String: Counts]
    public var byLevel: [String: Counts]
    public var majors: [Major]

    public init(_ entries: [HazardRegister.Entry]) {
        var total = Counts()
        var byCounty: [String: Counts] = [:]
        var byLevel: [String: Counts] = [:]
        for e in entries {
            total.add(e)
            byCounty[e.county, default: Counts()].add(e)
            byLevel[e.level.rawValue, default: Counts()].add(e)
        }
        found = total.found
        closed = total.closed
        overdue = total.overdue
        rectificationRate = total.rectificationRate
        self.byCounty = byCounty
        self.byLevel = byLevel
        majors = entries.filter { $0.level == .major }.map {
            let f = $0.finding
            return Major(id: $0.id, facility: $0.facility, name: $0.name, county: $0.county, code: $0.code, status: $0.status.rawValue,
                         responsible: f.responsible, measures: f.measures, funds: f.funds, deadline: f.deadline, plan: f.plan, overdue: $0.overdue)
        }
    }

    enum CodingKeys: String, CodingKey { case found, closed, rectificationRate, overdue, byCounty, byLevel, majors }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(found, forKey: .found)
        try c.encode(closed, forKey: .closed)
        try c.encode(rectificationRate, forKey: .rectificationRate)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(byCounty, forKey: .byCounty)
        try c.encode(byLevel, forKey: .byLevel)
        try c.encode(majors, forKey: .majors)
    }
}
