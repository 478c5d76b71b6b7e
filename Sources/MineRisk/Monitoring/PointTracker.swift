import Foundation

/// The running state of one point while its readings stream past: its rule's windows, the last
/// `persistence` raw levels, and what the health checks need. Its size does not depend on how many
/// readings the point has.
struct PointTracker {
    let rule: ThresholdRule
    let persistence: Int
    let isRainfall: Bool
    /// Raw levels of the last `persistence` readings, 3 bits each, newest lowest (persistence ≤ 16).
    private var recent: UInt64 = 0
    private var recentCount = 0
    private var window: TimeWindow
    private var rainSums: [Double] = []
    private var rainLabels: [String] = []
    /// The rule taken apart once, so that a reading does not copy the rule's arrays: fixed values per level (NaN
    /// where unset) and their direction, the rain windows in seconds.
    private let method: UInt8
    private let edges: (blue: Double, yellow: Double, orange: Double, red: Double)
    private let higherIsWorse: Bool
    private var rainAfter: [Int64] = []
    private var smoothed: TimeWindow
    private var reference: (time: Int64, value: Double)?
    private let intervalSeconds: Int64
    /// Start of the current run of readings without a gap (a silence of more than 3 intervals starts a new one).
    private var segmentStart: Int64 = .min
    private var velocity: Double?

    /// The level that holds: the lowest raw level of the last `persistence` readings.
    private(set) var held: WarningLevel = .none
    private(set) var readings = 0
    private(set) var lastTime: Int64 = .min
    /// What the level is judged on at the last reading (the reading, a rain sum, an angle) and its label.
    private(set) var measure: Double?
    /// 0 none, 1 the reading, 2 the angle, 3 + k the k-th rainstorm signal's window.
    private var label: Int = 0
    var measureLabel: String {
        switch label {
        case 0: return ""
        case 1: return "reading"
        case 2: return "angle°"
        default: return rainLabels[label - 3]
        }
    }
    /// Time of the last reading with a usable value (quality not bad).
    private(set) var lastValueTime: Int64 = .min
    private var lastValueTimeBefore: Int64 = .min
    private var lastValue: Double = .nan
    /// Since when the value has not changed.
    private(set) var sameValueSince: Int64 = .min

    init(rule: ThresholdRule, persistence: Int, intervalMinutes: Int, isRainfall: Bool) {
        self.rule = rule
        self.persistence = persistence
        self.isRainfall = isRainfall
        intervalSeconds = Int64(intervalMinutes) * 60
        let perHour = max(1, 60 / max(1, intervalMinutes))
        var edges = (blue: Double.nan, yellow: Double.nan, orange: Double.nan, red: Double.nan)
        var higher = true
        switch rule.method {
        case let .fixed(values):
            method = 0
            edges = (values.value(of: .blue) ?? .nan, values.value(of: .yellow) ?? .nan, values.value(of: .orange) ?? .nan, values.value(of: .red) ?? .nan)
            higher = values.worse == .higher
        case .rainstorm: method = 1
        case .tangentAngle: method = 2
        case .unset: method = 3
        }
        self.edges = edges
        higherIsWorse = higher
        switch rule.method {
        case let .rainstorm(signals):
            window = TimeWindow(capacity: (signals.windows.last ?? 12) * perHour + 2)
            rainSums = [Double](repeating: 0, count: signals.windows.count)
            rainLabels = signals.signals.map { "rain \($0.hours) h" }
            rainAfter = [Int64](repeating: 0, count: signals.windows.count)
            smoothed = TimeWindow(capacity: 1)
        case let .tangentAngle(settings):
            window = TimeWindow(capacity: Int(settings.smoothingHours.rounded(.up)) * perHour + 2)
            smoothed = TimeWindow(capacity: Int(settings.lagHours.rounded(.up)) * perHour + 2)
            velocity = settings.velocity
        case .fixed, .unset:
            window = TimeWindow(capacity: 1)
            smoothed = TimeWindow(capacity: 1)
        }
    }

    /// Whether the last value has been the same for at least a day (a stuck sensor). A rain gauge reading
    /// 0 through a dry day is not stuck.
    func isStuck(at time: Int64) -> Bool {
        guard readings > 1, sameValueSince != .min, !(isRainfall && lastValue == 0) else { return false }
        return lastValueTime - sameValueSince >= 86_400 && time >= lastValueTime
    }

    /// The edge of the level that holds, for reports.
    var heldThreshold: Double? {
        switch rule.method {
        case let .fixed(values): return values.value(of: held)
        case let .tangentAngle(settings): return settings.angles.value(of: held)
        case let .rainstorm(signals): return signals.signals.first { $0.level == held }?.millimetres
        case .unset: return nil
        }
    }

    /// Takes one reading; returns true when the level that holds changed.
    mutating func add(time: Int64, value: Double, usable: Bool) -> Bool {
        lastTime = time
        readings += 1
        guard usable else { return false }
        if value != lastValue || sameValueSince == .min { sameValueSince = time }
        lastValue = value
        lastValueTimeBefore = lastValueTime
        lastValueTime = time
        let raw = rawLevel(time: time, value: value)
        recent = (recent << 3) | UInt64(raw.rawValue)
        recentCount = min(recentCount + 1, persistence)
        // A level holds only after `persistence` consecutive readings reach it (thresholds.yaml persistence).
        var level = WarningLevel.red
        if recentCount < persistence {
            level = .none
        } else {
            var lowest = 4
            for k in 0..<persistence { lowest = min(lowest, Int((recent >> UInt64(3 * k)) & 7)) }
            level = WarningLevel(rawValue: lowest)!
        }
        guard level != held else { return false }
        held = level
        return true
    }

    private mutating func rawLevel(time: Int64, value: Double) -> WarningLevel {
        switch method {
        case 0:
            measure = value
            label = 1
            // The highest level whose value the reading reaches (≥ when higher is worse, ≤ when lower is); as
            // FixedThresholds.level(of:), on the values taken apart (an unset level is NaN and never reached).
            if higherIsWorse {
                return value >= edges.red ? .red : value >= edges.orange ? .orange : value >= edges.yellow ? .yellow : value >= edges.blue ? .blue : .none
            }
            return value <= edges.red ? .red : value <= edges.orange ? .orange : value <= edges.yellow ? .yellow : value <= edges.blue ? .blue : .none
        case 1:
            guard case let .rainstorm(signals) = rule.method else { return .none }
            let windows = signals.windows
            window.drop(before: time - Int64(windows.last! * 3600) + 1)
            window.append(time, value)
            for i in 0..<windows.count { rainAfter[i] = time - Int64(windows[i] * 3600) }
            window.sums(after: rainAfter, into: &rainSums)
            let (level, shown) = signals.signal(sums: rainSums)
            measure = rainSums[signals.windowIndex[shown]]
            label = 3 + shown
            return level
        case 2:
            guard case let .tangentAngle(settings) = rule.method else { return .none }
            return angleLevel(time: time, value: value, settings)
        default:
            measure = value
            label = 1
            return .none
        }
    }

    /// The improved tangent-angle method: the displacement is averaged over `smoothingHours`; time is
    /// normalised by the uniform-stage velocity v (T = S / v); α = arctan(ΔT / Δt) over `lagHours`
    /// (Xu Qiang; EURASIP J. Wireless Commun. Netw. 2021, doi 10.1186/s13638-021-02033-y).
    private mutating func angleLevel(time: Int64, value: Double, _ settings: TangentAngleSettings) -> WarningLevel {
        let smoothing = Int64(settings.smoothingHours * 3600)
        label = 2
        measure = nil
        // After a silence the curve starts again: old readings would bridge the gap with a false slope.
        if segmentStart == .min || time - lastValueTimeBefore > SensorHealth.offlineIntervals * intervalSeconds {
            segmentStart = time
            window.drop(before: time)
            smoothed.drop(before: time)
        }
        window.drop(before: time - smoothing + 1)
        window.append(time, value)
        // A smoothed value counts once its averaging window is full.
        guard time - segmentStart >= smoothing - intervalSeconds else { return .none }
        let s = window.mean(after: time - smoothing)!
        smoothed.drop(before: time - Int64(settings.lagHours * 3600))
        smoothed.append(time, s)
        if velocity == nil {
            // The uniform-stage velocity from the reference period: the first `referenceDays` of readings.
            guard let reference else { self.reference = (time, s); return .none }
            let days = Double(time - reference.time) / 86_400
            guard days >= settings.referenceDays else { return .none }
            velocity = max(settings.minimumVelocity, (s - reference.value) / days)
        }
        guard let v = velocity, smoothed.count >= 2 else { return .none }
        let oldest = smoothed.firstIndex(from: time - Int64(settings.lagHours * 3600))!
        let dtSeconds = Double(time - smoothed.time(oldest))
        // Too short a span for an angle: less than half the lag window of history.
        guard dtSeconds >= settings.lagHours * 1800 else { return .none }
        let dt = dtSeconds / 86_400
        let dT = (s - smoothed.value(oldest)) / v   // normalised time T = S / v, in days
        let alpha = atan2(dT, dt) * 180 / .pi
        measure = alpha
        return settings.angles.level(of: alpha)
    }
}
