extension FacilityKindProfile {
    /// An open-pit mine: graded by its model alone (Models/open_pit_mine.yaml).
    public static let openPitMine = FacilityKindProfile(name: BilingualName(zh: "露天矿山", en: "Open-pit mine"))
}
