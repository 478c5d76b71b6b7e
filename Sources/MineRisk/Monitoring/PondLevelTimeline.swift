/// Each pond's warning level over time, as a list of changes: what grading by warnings reads.
public struct PondLevelTimeline: Sendable {
    /// Per pond, (time in seconds since the epoch, level from then on), in time order.
    public private(set) var changes: [String: [(time: Int64, level: WarningLevel)]] = [:]

    public init() {}

    mutating func record(_ pond: String, time: Int64, level: WarningLevel) {
        if let last = changes[pond]?.last, last.level == level { return }
        changes[pond, default: []].append((time, level))
    }

    /// The pond's level at an instant (seconds since the epoch): the last change at or before it; none
    /// before any change, and for a pond without monitoring.
    public func level(of pond: String, at time: Int64) -> WarningLevel {
        guard let list = changes[pond] else { return .none }
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? .none : list[low - 1].level
    }

    /// The pond's level at an ISO 8601 time with offset; nil when the text is not such a time.
    public func level(of pond: String, at time: String) -> WarningLevel? {
        ISOTime.parse(time).map { level(of: pond, at: $0.seconds) }
    }
}
