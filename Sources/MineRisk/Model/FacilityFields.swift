/// The facilities.csv fields a model rule may read, and the values each takes.
public enum FacilityFields {
    /// Field → its values, for vetoes derived from a facility's own record (`derivedFrom` in a model).
    public static let derivable: [String: [String]] = [
        "flood_discharge": ["normal", "partly_blocked", "seriously_blocked", "collapsed"],
        "freeboard_ok": ["yes", "no"],
        "beach_length_ok": ["yes", "no"],
        "online_monitoring": ["yes", "no"],
        "status": ["operating", "idle"],
    ]
}
