/// The kinds of facility a model grades.
public enum FacilityKind: String, Codable, Sendable, CaseIterable, Comparable {
    case undergroundMine = "underground_mine"
    case openPitMine = "open_pit_mine"
    case tailingsPond = "tailings_pond"
    case coalMine = "coal_mine"

    public var name: BilingualName {
        switch self {
        case .undergroundMine: return BilingualName(zh: "地下矿山", en: "Underground mine")
        case .openPitMine: return BilingualName(zh: "露天矿山", en: "Open-pit mine")
        case .tailingsPond: return BilingualName(zh: "尾矿库", en: "Tailings pond")
        case .coalMine: return BilingualName(zh: "煤矿", en: "Coal mine")
        }
    }

    public static func < (lhs: FacilityKind, rhs: FacilityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
