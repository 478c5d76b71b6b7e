/// A major accident hazard whose presence grades a facility major (一票否决).
public struct VetoRule: Codable, Sendable, Hashable {
    public var code: String
    public var text: BilingualName
    public var source: String
    /// The official lists (`vetoLists` ids) that carry this item; nil: every list of the model.
    public var lists: [String]?
    /// facilities.csv fields whose recorded value is itself this hazard (any one suffices), so no hazards.csv row is needed.
    public var derivedFrom: [VetoDerivation]?
}

/// Which values of a facilities.csv field mean that a veto's hazard is present.
public struct VetoDerivation: Codable, Sendable, Hashable {
    /// The column of facilities.csv (e.g. `flood_discharge`).
    public var field: String
    /// The cell values that are the hazard (e.g. `seriously_blocked`, `collapsed`; `no` for a yes/no field).
    public var values: [String]
}

/// An official list of major accident hazards and the days it is in force.
public struct VetoList: Codable, Sendable, Hashable {
    public var id: String
    public var cite: String
    /// First day in force (YYYY-MM-DD); nil: the earliest list the model carries, applied to earlier rounds too.
    public var from: String?
    /// First day no longer in force (YYYY-MM-DD); nil: still in force.
    public var until: String?

    /// Whether the list is in force on a day.
    public func inForce(on date: String) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
    }
}
