extension FacilityKindProfile {
    /// A coal mine: its approved capacity, which the coal scenarios read; not one of the non-coal mines and ponds.
    public static let coalMine = FacilityKindProfile(
        name: BilingualName(zh: "煤矿", en: "Coal mine"),
        fields: [FacilityField("capacity_tpa", .number)],
        nonCoal: false)
}

extension FacilityValues {
    /// A coal mine's approved capacity in t/yr.
    public var capacityTpa: Double? { number("capacity_tpa") }
}
