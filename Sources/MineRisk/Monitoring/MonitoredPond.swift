/// A tailings pond as the warning engine needs it: who it is, where, and its class.
public struct MonitoredPond: Sendable, Hashable {
    public var id: String
    public var name: String
    public var county: String
    /// The class (等别) from storage and dam height (AQ 2006-2005 Table 1, GB 50863-2013 §3.3.1).
    public var pondClass: Int

    public init(id: String, name: String, county: String, pondClass: Int) {
        self.id = id
        self.name = name
        self.county = county
        self.pondClass = pondClass
    }

    public init(facility: Facility) {
        let pond = facility.pond
        self.init(id: facility.id, name: facility.name, county: facility.county,
                  pondClass: pond.map { TailingsClassification.pondClass(storage: $0.storageVolume, damHeight: $0.damHeight) } ?? 5)
    }
}
