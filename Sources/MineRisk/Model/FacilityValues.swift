/// The values of a facility's own fields (its kind's `FacilityKindProfile.fields`), by column; blank cells are absent.
public struct FacilityValues: Sendable, Hashable, Codable {
    private var byColumn: [String: FacilityFieldValue] = [:]

    public init() {}

    /// No value yet, with room for `capacity` of them.
    init(capacity: Int) {
        byColumn = Dictionary(minimumCapacity: capacity)
    }

    public subscript(column: String) -> FacilityFieldValue? {
        get { byColumn[column] }
        set { byColumn[column] = newValue }
    }

    /// Whether no field has a value.
    public var isEmpty: Bool { byColumn.isEmpty }

    public func number(_ column: String) -> Double? {
        if case let .number(value)? = byColumn[column] { return value }
        return nil
    }

    public func flag(_ column: String) -> Bool? {
        if case let .flag(value)? = byColumn[column] { return value }
        return nil
    }

    public func choice(_ column: String) -> String? {
        if case let .choice(value)? = byColumn[column] { return value }
        return nil
    }
}
