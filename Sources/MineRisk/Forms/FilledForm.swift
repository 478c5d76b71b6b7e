/// What one filled workbook held: whose it is, the values given, and how many value cells were left empty.
public struct FilledForm: Sendable {
    public var file: String
    public var expertID: String
    public var answers: [FormAnswer]
    public var emptyCells: Int
}
