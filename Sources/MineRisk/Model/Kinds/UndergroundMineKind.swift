extension FacilityKindProfile {
    /// An underground metal or non-metal mine: graded by its model alone (Models/underground_mine.yaml).
    public static let undergroundMine = FacilityKindProfile(name: BilingualName(zh: "地下矿山", en: "Underground mine"))
}
