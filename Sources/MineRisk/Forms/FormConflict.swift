/// A form's value that disagrees with a value already recorded, or with another form's.
public struct FormConflict: Sendable, Hashable {
    public var expertID: String
    public var facilityID: String
    public var indicatorID: String
    /// The value in the round, nil when the disagreement is between two answers read now.
    public var recorded: Double?
    public var answers: [FormAnswer]
}
