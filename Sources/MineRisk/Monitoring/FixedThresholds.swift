/// Which way a quantity gets worse.
public enum WorseDirection: String, Sendable, Hashable, Codable {
    case higher
    case lower
}

/// Values per warning level for one quantity: a reading at or beyond a level's value is at that level.
public struct FixedThresholds: Sendable, Hashable {
    public var worse: WorseDirection
    /// The value of blue, yellow, orange and red (index 0…3); nil when the level is not set.
    public var values: [Double?]

    public init(worse: WorseDirection, blue: Double? = nil, yellow: Double? = nil, orange: Double? = nil, red: Double? = nil) {
        self.worse = worse
        values = [blue, yellow, orange, red]
    }

    public func value(of level: WarningLevel) -> Double? {
        level == .none ? nil : values[level.rawValue - 1]
    }

    public mutating func set(_ level: WarningLevel, _ value: Double?) {
        precondition(level != .none)
        values[level.rawValue - 1] = value
    }

    /// True when no level has a value.
    public var isEmpty: Bool { values.allSatisfy { $0 == nil } }

    /// The highest level whose value the reading reaches (≥ for higher-is-worse, ≤ for lower-is-worse).
    @inline(__always)
    public func level(of value: Double) -> WarningLevel {
        var i = 3
        while i >= 0 {
            if let edge = values[i] {
                if worse == .higher ? value >= edge : value <= edge { return WarningLevel(rawValue: i + 1)! }
            }
            i -= 1
        }
        return .none
    }

    /// The first pair of set levels where the higher level is looser than the lower one (orange below yellow
    /// when higher is worse), or nil when the set is consistent.
    public func contradiction() -> (lower: WarningLevel, higher: WarningLevel)? {
        var previous: (WarningLevel, Double)?
        for level in WarningLevel.warnings {
            guard let value = value(of: level) else { continue }
            if let (lowerLevel, lowerValue) = previous {
                let looser = worse == .higher ? value < lowerValue : value > lowerValue
                if looser { return (lowerLevel, level) }
            }
            previous = (level, value)
        }
        return nil
    }
}
