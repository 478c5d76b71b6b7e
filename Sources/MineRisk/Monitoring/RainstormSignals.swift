/// The meteorological rainstorm warning signals (暴雨预警信号): rain amounts over rolling windows.
public struct RainstormSignals: Sendable, Hashable {
    /// One signal: at least `millimetres` of rain within the last `hours`.
    public struct Signal: Sendable, Hashable {
        public var level: WarningLevel
        public var hours: Int
        public var millimetres: Double
    }

    /// Highest level first.
    public let signals: [Signal]
    /// The windows to keep sums of, in hours, distinct and ascending.
    public let windows: [Int]
    /// For each signal, the index of its window in `windows`.
    let windowIndex: [Int]

    public init(signals: [Signal]) {
        self.signals = signals
        let windows = Array(Set(signals.map(\.hours))).sorted()
        self.windows = windows
        windowIndex = signals.map { signal in windows.firstIndex(of: signal.hours)! }
    }

    /// CMA Order 16 (2007) [order unverified; thresholds from several independent sources], used for rainfall
    /// by GB 51108-2015 §8.3 (rainfall yellow = the rainstorm amount).
    public static let cma2007 = RainstormSignals(signals: [
        Signal(level: .red, hours: 3, millimetres: 100),     // red: ≥ 100 mm in 3 h
        Signal(level: .orange, hours: 3, millimetres: 50),   // orange: ≥ 50 mm in 3 h
        Signal(level: .yellow, hours: 6, millimetres: 50),   // yellow: ≥ 50 mm in 6 h
        Signal(level: .blue, hours: 12, millimetres: 50),    // blue: ≥ 50 mm in 12 h
    ])

    /// The level given the rain sums over `windows` (same order), and the signal shown as its cause.
    public func level(sums: [Double]) -> WarningLevel { signal(sums: sums).level }

    func signal(sums: [Double]) -> (level: WarningLevel, index: Int) {
        for (i, signal) in signals.enumerated() where sums[windowIndex[i]] >= signal.millimetres { return (signal.level, i) }
        return (.none, signals.count - 1)
    }
}
