extension Facility {
    /// A facilities.csv field as the file writes it (`yes`/`no`, a choice's name), nil when blank, a number or not recorded.
    public func fieldValue(_ field: String) -> String? {
        field == "status" ? status.rawValue : values[field]?.fieldText
    }
}
