/// The thresholds an item takes where the pond's threshold file gives none: GB 51108-2015 §8.3 with the
/// GB 50863-2013 minimum values, the rainstorm signals, and the tangent-angle method.
public enum ThresholdDefaults {
    /// GB 50863-2013 minimum freeboard (m) by pond class 1…5, upstream dams [values unverified].
    static let minimumFreeboard: [Double] = [1.5, 1.0, 0.7, 0.5, 0.4]
    /// GB 50863-2013 minimum dry-beach length (m) by pond class 1…5, upstream dams [values unverified].
    static let minimumBeachUpstream: [Double] = [150, 100, 70, 50, 40]
    /// GB 50863-2013 minimum dry-beach length (m) by class 1…5, downstream or centerline dams [values unverified].
    static let minimumBeachDownstream: [Double] = [100, 70, 50, 35, 25]

    /// The control (minimum burial) depth of the phreatic line in m: 6 m for dam grades 1–3, 4 m for 4–5
    /// (the seismic-zone edges of DOMAIN §8; GB 50863 interpolates by embankment height, which the
    /// facilities do not record) [unverified].
    static func phreaticControlDepth(pondClass: Int) -> Double { pondClass <= 3 ? 6 : 4 }

    /// The default rule of an item for a pond of this class and dam type.
    public static func rule(for item: MonitoredItem, pondClass: Int, damType: DamType) -> ThresholdRule {
        let index = max(1, min(5, pondClass)) - 1
        switch item {
        case .freeboard:
            // GB 51108-2015 §8.3: freeboard red = the GB 50863-2013 minimum for the class [values unverified].
            return ThresholdRule(.fixed(FixedThresholds(worse: .lower, red: minimumFreeboard[index])),
                                 source: "GB 51108-2015 §8.3; GB 50863-2013 minimum freeboard, class \(pondClass) [unverified]")
        case .beachLength:
            // GB 51108-2015 §8.3: dry-beach red = the GB 50863-2013 minimum for the class and dam type [values unverified].
            let table = damType == .upstream ? minimumBeachUpstream : minimumBeachDownstream
            return ThresholdRule(.fixed(FixedThresholds(worse: .lower, red: table[index])),
                                 source: "GB 51108-2015 §8.3; GB 50863-2013 minimum dry beach, class \(pondClass), \(damType.rawValue) dam [unverified]")
        case .phreaticDepth:
            // GB 51108-2015 §8.3: phreatic red = the minimum burial depth; orange = 1.1 × red.
            let red = phreaticControlDepth(pondClass: pondClass)
            return ThresholdRule(.fixed(FixedThresholds(worse: .lower, orange: 1.1 * red, red: red)),
                                 source: "GB 51108-2015 §8.3 (orange = 1.1 × red); control depth \(formatNumber(red)) m for class \(pondClass) [unverified]")
        case .rainfall:
            return ThresholdRule(.rainstorm(.cma2007), source: "GB 51108-2015 §8.3; rainstorm signals, CMA Order 16 (2007) [order unverified]")
        case .damDisplacementH, .damDisplacementV:
            // GB 51108-2015 §8.3: displacement from cumulative displacement and its rate, no fixed numbers.
            return ThresholdRule(.tangentAngle(TangentAngleSettings()), source: "GB 51108-2015 §8.3; improved tangent-angle method (Xu Qiang)")
        case .landslideDisplacement, .waterLevel, .porePressure, .seepageFlow, .turbidity:
            // GB 51108-2015 §8.3: set from the design documents (water level) or by the design unit; no default.
            return ThresholdRule(.unset, source: "GB 51108-2015 §8.3: set by the design unit; none given")
        }
    }

    /// Fills the levels a standard derives from others, where the file leaves them out:
    /// phreatic orange = 1.1 × red, landslide orange = 0.8 × red (GB 51108-2015 §8.3).
    static func derive(_ values: FixedThresholds, item: MonitoredItem) -> FixedThresholds {
        var values = values
        guard let red = values.value(of: .red), values.value(of: .orange) == nil else { return values }
        switch item {
        case .phreaticDepth: values.set(.orange, 1.1 * red)            // GB 51108-2015 §8.3: orange = 1.1 × red
        case .landslideDisplacement: values.set(.orange, 0.8 * red)    // GB 51108-2015 §8.3: orange = 0.8 × red
        default: break
        }
        return values
    }

    /// The direction an item gets worse in when a file does not say.
    public static func worse(_ item: MonitoredItem) -> WorseDirection {
        switch item {
        case .phreaticDepth, .beachLength, .freeboard: return .lower
        default: return .higher
        }
    }
}
