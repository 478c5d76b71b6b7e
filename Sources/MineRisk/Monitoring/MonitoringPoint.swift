/// One sensor of a pond's online monitoring, as a row of monitoring/points.csv.
public struct MonitoringPoint: Sendable, Hashable, Codable {
    public var id: String
    public var facilityID: String
    public var item: MonitoredItem
    public var unit: String
    public var location: String
    public var installedOn: String
    /// The normal sampling interval in minutes (GB 51108-2015: once per 10 min to once per 24 h).
    public var intervalMinutes: Int

    public init(id: String, facilityID: String, item: MonitoredItem, unit: String, location: String, installedOn: String, intervalMinutes: Int) {
        self.id = id
        self.facilityID = facilityID
        self.item = item
        self.unit = unit
        self.location = location
        self.installedOn = installedOn
        self.intervalMinutes = intervalMinutes
    }
}
