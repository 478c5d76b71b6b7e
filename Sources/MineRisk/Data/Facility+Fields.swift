extension Facility {
    /// A facilities.csv field as the file writes it (`yes`/`no`, enum values), nil when blank or not recorded.
    public func fieldValue(_ field: String) -> String? {
        func flag(_ value: Bool?) -> String? { value.map { $0 ? "yes" : "no" } }
        switch field {
        case "flood_discharge": return pond?.floodDischarge?.rawValue
        case "freeboard_ok": return flag(pond?.freeboardOK)
        case "beach_length_ok": return flag(pond?.beachLengthOK)
        case "online_monitoring": return flag(pond?.onlineMonitoring)
        case "status": return status.rawValue
        default: return nil
        }
    }
}
