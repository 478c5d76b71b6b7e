/// The kinds of facility a model grades: the list of kinds, in the order every output lists them. What is
/// particular to a kind is in its profile (Model/Kinds/), one file per kind.
public enum FacilityKind: String, Codable, Sendable, CaseIterable, Comparable {
    case undergroundMine = "underground_mine"
    case openPitMine = "open_pit_mine"
    case tailingsPond = "tailings_pond"
    case coalMine = "coal_mine"

    /// The kind's name, columns and rules.
    public var profile: FacilityKindProfile {
        switch self {
        case .undergroundMine: return .undergroundMine
        case .openPitMine: return .openPitMine
        case .tailingsPond: return .tailingsPond
        case .coalMine: return .coalMine
        }
    }

    public var name: BilingualName { profile.name }

    /// Every kind's own facilities.csv columns, each once, in kind order: the columns the file may have
    /// besides the ones every facility has.
    public static let allFields: [FacilityField] = {
        var seen = Set<String>()
        return allCases.flatMap(\.profile.fields).filter { seen.insert($0.column).inserted }
    }()

    public static func < (lhs: FacilityKind, rhs: FacilityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
