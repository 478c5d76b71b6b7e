/// The thresholds of one pond for one season, as one entry of thresholds.yaml.
public struct PondThresholds: Sendable, Hashable {
    public var facilityID: String
    /// The days the entry is valid on, inclusive (yyyy-mm-dd).
    public var validFrom: String
    public var validTo: String
    public var damType: DamType?
    public var items: [MonitoredItem: ThresholdRule]
    public var points: [String: ThresholdRule]
}

/// Every pond's thresholds, versioned by season, and the persistence rule (monitoring/thresholds.yaml).
public struct ThresholdSet: Sendable, Hashable {
    /// Consecutive readings beyond a threshold before a level holds.
    public var persistence: Int
    public var ponds: [PondThresholds]
    public var file: String

    public init(persistence: Int = 2, ponds: [PondThresholds] = [], file: String = "thresholds.yaml") {
        self.persistence = persistence
        self.ponds = ponds
        self.file = file
    }

    /// The entry of a pond valid on a day: the one whose range holds the day; nil when none does.
    public func entry(facility: String, on day: String) -> PondThresholds? {
        let day = String(day.prefix(10))
        return ponds.last { $0.facilityID == facility && $0.validFrom <= day && day <= $0.validTo }
    }

    /// The entries of each pond, in file order, for looking many points up.
    public func entriesByFacility() -> [String: [PondThresholds]] {
        Dictionary(grouping: ponds, by: \.facilityID)
    }

    /// The rule of one point on a day: the point's own, else its item's, else the defaults.
    /// - Parameter entries: `entriesByFacility()`, when many points are looked up.
    public func rule(for point: MonitoringPoint, pondClass: Int, on day: String, entries: [String: [PondThresholds]]? = nil) -> ThresholdRule {
        let day = String(day.prefix(10))
        let entry = entries.map { $0[point.facilityID]?.last { $0.validFrom <= day && day <= $0.validTo } }
            ?? self.entry(facility: point.facilityID, on: day)
        if let rule = entry?.points[point.id] { return rule }
        if let rule = entry?.items[point.item] { return rule }
        return ThresholdDefaults.rule(for: point.item, pondClass: pondClass, damType: entry?.damType ?? .upstream)
    }
}
