/// One value read from a filled scoring form, with the cell it came from.
public struct FormAnswer: Sendable, Hashable {
    public var expertID: String
    public var facilityID: String
    public var indicatorID: String
    public var value: Double
    /// File, sheet and cell of the value.
    public var location: SourceLocation
}
