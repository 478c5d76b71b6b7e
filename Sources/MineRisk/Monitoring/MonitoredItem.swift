/// A monitored item of a tailings pond's online safety monitoring (GB 39496-2020 §5.5; GB 51108-2015 §4).
public enum MonitoredItem: String, Sendable, Hashable, CaseIterable, Codable {
    case damDisplacementH = "dam_displacement_h"
    case damDisplacementV = "dam_displacement_v"
    case phreaticDepth = "phreatic_depth"
    case beachLength = "beach_length"
    case freeboard
    case waterLevel = "water_level"
    case rainfall
    case landslideDisplacement = "landslide_displacement"
    case porePressure = "pore_pressure"
    case seepageFlow = "seepage_flow"
    case turbidity

    /// The unit a point of this item must record in (points.csv `unit`); readings are not converted.
    public var unit: String {
        switch self {
        case .damDisplacementH, .damDisplacementV, .landslideDisplacement: return "mm"
        case .phreaticDepth, .beachLength, .freeboard, .waterLevel: return "m"
        case .rainfall: return "mm"
        case .porePressure: return "kPa"
        case .seepageFlow: return "L/s"
        case .turbidity: return "NTU"
        }
    }

    /// The smallest value the quantity can physically take, if it has one: a depth, a length, an amount
    /// of rain, a flow or a turbidity cannot be negative. Freeboard can (water over the crest), and so can
    /// displacement, a water level (against a datum) and pore pressure (suction).
    public var physicalMinimum: Double? {
        switch self {
        case .phreaticDepth, .beachLength, .rainfall, .seepageFlow, .turbidity: return 0
        case .damDisplacementH, .damDisplacementV, .landslideDisplacement, .freeboard, .waterLevel, .porePressure: return nil
        }
    }

    /// True for items whose readings are an amount per interval (summed over windows), not a state.
    public var isAccumulated: Bool { self == .rainfall }

    /// The Chinese name used in tables.
    public var chinese: String {
        switch self {
        case .damDisplacementH: return "坝体水平位移"
        case .damDisplacementV: return "坝体竖向位移"
        case .phreaticDepth: return "浸润线埋深"
        case .beachLength: return "干滩长度"
        case .freeboard: return "安全超高"
        case .waterLevel: return "库水位"
        case .rainfall: return "降雨量"
        case .landslideDisplacement: return "滑坡体位移"
        case .porePressure: return "孔隙水压力"
        case .seepageFlow: return "渗流量"
        case .turbidity: return "浑浊度"
        }
    }
}
