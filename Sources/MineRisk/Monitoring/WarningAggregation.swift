/// How the levels of several points make one item's level, and several items one pond's level.
public enum WarningAggregation {
    /// How many of a level make the next level up: GB 39496-2020 §5.5.4 — 4 blue → yellow, 3 yellow → orange,
    /// 2 orange → red.
    static func escalationCount(_ level: WarningLevel) -> Int? {
        switch level {
        case .blue: return 4     // GB 39496-2020 §5.5.4: four blue make a yellow
        case .yellow: return 3   // GB 39496-2020 §5.5.4: three yellow make an orange
        case .orange: return 2   // GB 39496-2020 §5.5.4: two orange make a red
        case .none, .red: return nil
        }
    }

    /// The level of one item from its points' levels (GB 39496-2020 §5.5.4, within one item): the worst
    /// point, raised when enough points share a level (4 blue → yellow, 3 yellow → orange, 2 orange → red).
    public static func itemLevel(_ points: [WarningLevel]) -> WarningLevel {
        escalate(points)
    }

    /// The level of a pond from its items' levels (GB 39496-2020 §5.5.4, across items): 4 blue items count as
    /// one yellow item, and so on up the scale; the pond takes the worst after counting.
    public static func pondLevel(_ items: [WarningLevel]) -> WarningLevel {
        escalate(items)
    }

    /// Counts levels from the bottom up, carrying each full group of a level into one of the next level,
    /// and returns the highest level that remains. With counts (b, y, o, r): yellow count y + ⌊b/4⌋, then
    /// orange o + ⌊y'/3⌋, then red r + ⌊o'/2⌋.
    static func escalate(_ levels: [WarningLevel]) -> WarningLevel {
        var counts = [Int](repeating: 0, count: 5)
        for level in levels { counts[level.rawValue] += 1 }
        for level in [WarningLevel.blue, .yellow, .orange] {
            if let group = escalationCount(level) { counts[level.rawValue + 1] += counts[level.rawValue] / group }
        }
        for level in WarningLevel.allCases.reversed() where counts[level.rawValue] > 0 { return level }
        return .none
    }
}
