/// An early-warning level of GB 39496-2020 §5.5.4, from none through blue (lowest) to red (highest).
public enum WarningLevel: Int, Sendable, Hashable, Comparable, CaseIterable, Codable, CustomStringConvertible {
    case none = 0
    case blue = 1
    case yellow = 2
    case orange = 3
    case red = 4

    /// The four warning levels, lowest first (without `none`).
    public static let warnings: [WarningLevel] = [.blue, .yellow, .orange, .red]

    public static func < (a: WarningLevel, b: WarningLevel) -> Bool { a.rawValue < b.rawValue }

    public var name: String {
        switch self {
        case .none: return "none"
        case .blue: return "blue"
        case .yellow: return "yellow"
        case .orange: return "orange"
        case .red: return "red"
        }
    }

    /// The Chinese name of the level (蓝色预警 …).
    public var chinese: String {
        switch self {
        case .none: return "无"
        case .blue: return "蓝色"
        case .yellow: return "黄色"
        case .orange: return "橙色"
        case .red: return "红色"
        }
    }

    public var description: String { name }

    public init?(name: String) {
        guard let level = WarningLevel.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    /// The next level up (red stays red).
    public var raised: WarningLevel { WarningLevel(rawValue: min(rawValue + 1, 4))! }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let level = WarningLevel(name: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected none, blue, yellow, orange or red, found \"\(text)\""))
        }
        self = level
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
