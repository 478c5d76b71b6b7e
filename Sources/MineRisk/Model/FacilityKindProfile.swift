/// What is particular to one kind of facility, declared in one file per kind (Model/Kinds/): its name, the
/// facilities.csv columns only it has and how they are read, the rules of standards only it is graded by, and
/// whether the bureau counts it among the non-coal mines and ponds. The reader, the store, the grader and the
/// summaries work from this, never from a kind's name.
public struct FacilityKindProfile: Sendable {
    public let name: BilingualName
    /// The kind's own facilities.csv columns, in the file's column order (the store keeps them in the columns of
    /// the same names).
    public let fields: [FacilityField]
    /// The rules only this kind is graded by; Grading implements each (`KindRule+Grading.swift`), next to the
    /// standard it cites, and the result fields it fills are what the reports show of it.
    public let rules: [KindRule]
    /// Whether the kind is one of the non-coal mines and ponds (非煤矿山和尾矿库) of the bureau's totals.
    public let nonCoal: Bool

    public init(name: BilingualName, fields: [FacilityField] = [], rules: [KindRule] = [], nonCoal: Bool = true) {
        self.name = name
        self.fields = fields
        self.rules = rules
        self.nonCoal = nonCoal
    }
}

/// A rule of a standard that applies to some kinds of facility only.
public enum KindRule: String, Sendable, Hashable {
    /// A tailings pond's class (AQ 2006-2005 Table 1, GB 50863-2013 §3.3.1), the online-monitoring duty of its
    /// class on the round's date (DOMAIN §5) and its safety degree (AQ 2006-2005 §8), from `PondData`.
    case pondClassAndSafetyDegree
}
