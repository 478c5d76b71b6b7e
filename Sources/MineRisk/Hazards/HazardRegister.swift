/// The hidden-danger register of a round (隐患排查治理台账): its findings with the facility's county, and what
/// stands open or overdue on a day.
public struct HazardRegister: Sendable {
    public struct Entry: Sendable, Encodable, Equatable {
        public var id: String
        public var facility: String
        public var name: String
        public var county: String
        public var code: String
        public var level: HazardLevel
        public var status: HazardStatus
        public var deadline: String
        public var overdue: Bool
        public var finding: HazardFinding
        /// The finding's version in the store (for `--expect-version`); nil for a data folder.
        public var version: Int?

        enum CodingKeys: String, CodingKey { case id, facility, county, code, level, status, deadline, overdue, version }
    }

    public let findings: [HazardFinding]
    private let facilities: [String: Facility]
    /// Register id → version, for a stored round.
    public var versions: [String: Int] = [:]

    public init(dataset: Dataset) {
        findings = dataset.hazards
        facilities = Dictionary(dataset.facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A deadline passed without acceptance is overdue (DOMAIN §10): the deadline day itself is not, the day
    /// after is; a finding accepted after `asOf` was still unaccepted on `asOf`.
    public static func isOverdue(_ h: HazardFinding, asOf: String) -> Bool {
        guard !h.deadline.isEmpty, h.deadline < asOf else { return false }
        return h.status.isOpen || h.acceptedOn.isEmpty || h.acceptedOn > asOf
    }

    /// Whether the finding was closed (accepted) by `asOf`.
    public static func isClosed(_ h: HazardFinding, asOf: String) -> Bool {
        h.status == .closed && !h.acceptedOn.isEmpty && h.acceptedOn <= asOf
    }

    /// The findings known on `asOf` (found on or before it), of one county or all, in register order.
    public func entries(asOf: String, county: String? = nil) -> [Entry] {
        findings.compactMap { h in
            guard h.foundOn <= asOf else { return nil }
            let facility = facilities[h.facilityID]
            let place = facility?.county ?? ""
            if let county, county != place { return nil }
            return Entry(id: h.id, facility: h.facilityID, name: facility?.name ?? "", county: place, code: h.code, level: h.level,
                         status: Self.isClosed(h, asOf: asOf) ? .closed : (h.status == .closed ? .rectifying : h.status),
                         deadline: h.deadline, overdue: Self.isOverdue(h, asOf: asOf), finding: h, version: versions[h.id])
        }
    }

    public func summary(asOf: String, county: String? = nil) -> HazardSummary {
        HazardSummary(entries(asOf: asOf, county: county))
    }

    /// The overdue major dangers on `asOf` as red warnings.
    ///
    /// Meant for `minerisk warn`: an overdue major hidden danger is itself a red warning (DOMAIN §10, common practice
    /// [verify per province]). Pure: the same register and day give the same warnings.
    public func warnings(asOf: String, county: String? = nil) -> [HazardWarning] {
        entries(asOf: asOf, county: county).filter { $0.overdue && $0.level == .major }.map {
            HazardWarning(facility: $0.facility, name: $0.name, county: $0.county, hazard: $0.id, code: $0.code,
                          level: "red", since: $0.deadline,
                          message: "major hidden danger \($0.code) overdue since \($0.deadline): \($0.finding.description)")
        }
    }
}
