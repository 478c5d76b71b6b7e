/// The facilities.csv fields a model rule may read, and the values each takes.
public enum FacilityFields {
    /// Field → its values, for vetoes derived from a facility's own record (`derivedFrom` in a model): the
    /// status, and every flag or choice of a kind's profile.
    public static let derivable: [String: [String]] = {
        var fields = ["status": ["operating", "idle"]]
        for field in FacilityKind.allFields { fields[field.column] = field.derivableValues }
        return fields
    }()
}
