/// A column of facilities.csv that only some kinds of facility have, and how its cells are read.
public struct FacilityField: Sendable, Hashable {
    /// What a cell of the column holds.
    public enum Value: Sendable, Hashable {
        /// A finite number ≥ 0.
        case number
        /// `yes` or `no`.
        case flag
        /// One of the values listed.
        case choice([String])
    }

    /// The column's name in facilities.csv, and in the store's facilities table.
    public let column: String
    public let value: Value
    /// What a facility of the kind must give in the cell ("its dam height (m)"); nil when the cell may be blank.
    public let needs: String?

    public init(_ column: String, _ value: Value, needs: String? = nil) {
        self.column = column
        self.value = value
        self.needs = needs
    }

    /// The values a veto may be derived from (`derivedFrom` in a model): a flag's or a choice's; nil for a number.
    public var derivableValues: [String]? {
        switch value {
        case .number: return nil
        case .flag: return ["yes", "no"]
        case let .choice(values): return values
        }
    }
}

/// A value read from a cell of a `FacilityField`.
public enum FacilityFieldValue: Sendable, Hashable, Codable {
    case number(Double)
    case flag(Bool)
    case choice(String)

    /// The value as facilities.csv writes it (`yes`/`no`, a choice's name), nil for a number.
    public var fieldText: String? {
        switch self {
        case .number: return nil
        case let .flag(value): return value ? "yes" : "no"
        case let .choice(value): return value
        }
    }
}
