/// Draws values of one indicator that land in a chosen grade, and the values experts give around them.
///
/// The grade intervals are the ones the engine's membership functions cut (Evaluation/Membership.swift):
/// the model's three edges, with the outer grades extending one neighbouring interval beyond them.
struct IndicatorSampler {
    let scale: IndicatorScale
    let direction: IndicatorDirection
    /// The three edges (zeros for `level` indicators).
    let edges: (Double, Double, Double)
    /// Digits after the point in written values.
    var decimals: Int
    var isLevel: Bool { scale == .level }
    private let low: Double
    private let high: Double
    /// A realistic spread of the low grade, where the generic one is not (see `lowGrade`).
    private let lowOverride: (Double, Double)?

    // Only plain values: the sampler sits in the inner loop of millions of rows, where copying
    // an `Indicator` (strings, arrays) would cost reference counting on every value.
    init(_ indicator: Indicator) {
        scale = indicator.scale
        direction = indicator.direction
        let e = indicator.edges ?? [0, 0, 0]
        edges = (e[0], e[1], e[2])
        low = indicator.range.map { $0[0] } ?? -Double.greatestFiniteMagnitude
        high = indicator.range.map { $0[1] } ?? Double.greatestFiniteMagnitude
        decimals = Self.decimals(indicator)
        lowOverride = Self.lowGrade[indicator.id].map { ($0.lowerBound, $0.upperBound) }
    }

    /// Whole numbers for scores, votes and counts; otherwise as fine as the gaps between the edges need.
    static func decimals(_ indicator: Indicator) -> Int {
        if indicator.scale != .measured { return 0 }
        if let unit = indicator.unit, ["persons", "years", "h", "person", "year"].contains(unit) { return 0 }
        guard let e = indicator.edges, e.count == 3 else { return 2 }
        let gap = min(abs(e[1] - e[0]), abs(e[2] - e[1]))
        return gap >= 10 ? 0 : gap >= 1 ? 1 : gap >= 0.1 ? 2 : 3
    }

    /// A value inside grade `level` (0 low … 3 major): well inside the middle grades, past the membership
    /// peak for the outer ones. For `level` indicators, the grade's vote (1…4).
    func truth(level: Int, _ rng: inout SplitMix64) -> Double {
        if isLevel { return Double(level + 1) }
        if level == 0, let (a, b) = lowOverride { return clamp(rng.uniform(a, b)) }
        let sign: Double = direction == .risk ? 1 : -1
        let e0 = sign * edges.0, e1 = sign * edges.1, e2 = sign * edges.2  // oriented: larger is riskier
        let w0 = e1 - e0, w2 = e2 - e1
        var a: Double, b: Double
        switch level {
        case 0: (a, b) = (e0 - 1.2 * w0, e0 - 0.3 * w0)
        case 1: (a, b) = (e0 + 0.15 * w0, e1 - 0.15 * w0)
        case 2: (a, b) = (e1 + 0.15 * w2, e2 - 0.15 * w2)
        default: (a, b) = (e2 + 0.3 * w2, e2 + 1.2 * w2)
        }
        // Back to the indicator's own scale, kept inside its valid range.
        var lo = min(sign * a, sign * b), hi = max(sign * a, sign * b)
        lo = clamp(lo)
        hi = clamp(hi)
        return rng.uniform(lo, hi)
    }

    /// One expert's value around the underlying one.
    /// - Parameters:
    ///   - truth: the underlying value (a vote 1…4 for `level` indicators).
    ///   - bias: the expert's leniency on 0–100 scores (positive scores higher).
    ///   - exact: a value from the record (a survey, a certificate) that every expert writes down alike.
    func expertValue(truth: Double, bias: Double, exact: Bool, _ rng: inout SplitMix64) -> Double {
        if exact { return rounded(truth) }
        switch scale {
        case .level:
            let u = rng.nextUnit()
            let step = u < 0.70 ? 0 : u < 0.83 ? 1 : u < 0.96 ? -1 : (rng.chance(0.5) ? 2 : -2)
            return Double(min(4, max(1, Int(truth) + step)))
        case .score:
            var value = truth + bias + 4.5 * rng.nextNormal()
            // A few experts see it quite differently (an outlier of 12–20 points).
            if rng.chance(0.03) { value += (rng.chance(0.5) ? 1 : -1) * rng.uniform(12, 20) }
            return rounded(clamp(value))
        case .measured:
            // Most read the same survey figure; some give their own reading.
            if rng.chance(0.75) { return rounded(truth) }
            let spread = truth == 0 ? 0.5 : 0.04 * abs(truth)
            return rounded(clamp(truth + spread * rng.nextNormal()))
        }
    }

    /// The value as written, kept inside the range after rounding.
    func rounded(_ value: Double) -> Double {
        let factor = Self.powersOfTen[min(decimals, 3)]
        return clamp((value * factor).rounded(.toNearestOrAwayFromZero) / factor)
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1000]

    private func clamp(_ value: Double) -> Double { min(high, max(low, value)) }

    /// Realistic spreads for the low grade where the generic one (an interval beyond the first edge) is not:
    /// gas emission of a low-gas mine, distances with nothing near, factors well above the required value.
    static let lowGrade: [String: ClosedRange<Double>] = [
        "tp_max_daily_rainfall": 30...50,
        "tp_residents_downstream": 0...2,
        "tp_downstream_exposure": 3000...15000,
        "tp_phreatic_ratio": 1.5...3.0,
        "tp_slope_safety_ratio": 1.02...1.40,
        "tp_dry_beach_ratio": 1.5...3.0,
        "tp_freeboard_ratio": 1.5...2.6,
        "tp_training_hours": 30...48,
        "tp_accident_free_years": 5...15,
        "ug_goaf_span": 10...40,
        "ug_goaf_height": 3...8,
        "ug_goaf_depth": 40...100,
        "ug_training_hours": 30...48,
        "ug_accident_free_years": 5...15,
        "op_slope_height": 30...100,
        "op_training_hours": 30...48,
        "op_accident_free_years": 5...15,
        "cm_relative_gas_emission": 2...10,
        "cm_absolute_gas_emission": 1.5...30,
    ]
}
