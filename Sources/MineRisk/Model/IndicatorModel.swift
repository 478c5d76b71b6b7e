import Foundation

/// A name in Chinese and English.
public struct BilingualName: Codable, Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

/// The kinds of facility a model grades.
public enum FacilityKind: String, Codable, Sendable, CaseIterable, Comparable {
    case undergroundMine = "underground_mine"
    case openPitMine = "open_pit_mine"
    case tailingsPond = "tailings_pond"
    case coalMine = "coal_mine"

    public var name: BilingualName {
        switch self {
        case .undergroundMine: return BilingualName(zh: "地下矿山", en: "Underground mine")
        case .openPitMine: return BilingualName(zh: "露天矿山", en: "Open-pit mine")
        case .tailingsPond: return BilingualName(zh: "尾矿库", en: "Tailings pond")
        case .coalMine: return BilingualName(zh: "煤矿", en: "Coal mine")
        }
    }

    public static func < (lhs: FacilityKind, rhs: FacilityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How an indicator's assessed values are expressed.
public enum IndicatorScale: String, Codable, Sendable {
    /// A measured value in the indicator's unit.
    case measured
    /// A 0–100 expert score.
    case score
    /// An expert's grade vote, 1 (low) … 4 (major).
    case level
}

/// Whether a higher value means more risk or more safety.
public enum IndicatorDirection: String, Codable, Sendable {
    case risk
    case safety
}

/// One indicator of a model, with how its values become grade memberships.
public struct Indicator: Codable, Sendable, Hashable {
    public var id: String
    public var name: BilingualName
    public var unit: String?
    public var scale: IndicatorScale
    public var direction: IndicatorDirection
    /// Edges between low|general, general|significant, significant|major; absent for `level`.
    public var edges: [Double]?
    /// The closed range of valid values.
    public var range: [Double]?
    public var source: String?
}

/// A criterion (first level) with its indicators and their pairwise judgements.
public struct Criterion: Codable, Sendable, Hashable {
    public var id: String
    public var name: BilingualName
    public var source: String?
    public var matrix: [[Judgement]]
    public var indicators: [Indicator]
}

/// The criteria level: pairwise judgements over criteria, and the criteria.
public struct CriteriaLevel: Codable, Sendable, Hashable {
    public var matrix: [[Judgement]]
    public var items: [Criterion]
}

/// A major accident hazard whose presence grades a facility major (一票否决).
public struct VetoRule: Codable, Sendable, Hashable {
    public var code: String
    public var text: BilingualName
    public var source: String
}

/// One band of the risk score.
public struct GradeBand: Codable, Sendable, Hashable {
    public var grade: RiskGrade
    public var from: Double
    public var to: Double
}

/// How a risk score becomes a grade.
public struct GradingRule: Codable, Sendable, Hashable {
    public var gradeValues: [Double]
    public var bands: [GradeBand]
    public var source: String?
}

/// A reference a model is built from.
public struct ModelSource: Codable, Sendable, Hashable {
    public var id: String
    public var cite: String
}

/// The version header every data file of the project carries.
public struct FormatHeader: Codable, Sendable, Hashable {
    public var kind: String
    public var version: Int
}

/// A two-level indicator model for one facility kind, as written in `Models/*.yaml`.
public struct IndicatorModel: Codable, Sendable, Hashable {
    public var format: FormatHeader
    public var kind: FacilityKind
    public var modelVersion: String
    public var name: BilingualName
    public var sources: [ModelSource]?
    public var grading: GradingRule
    public var criteria: CriteriaLevel
    public var vetoes: [VetoRule]

    /// Every indicator in criterion order.
    public var indicators: [Indicator] { criteria.items.flatMap(\.indicators) }
}

/// A pairwise judgement: a positive number written as a number or as a fraction such as "1/3".
public struct Judgement: Codable, Sendable, Hashable {
    public var value: Double

    public init(_ value: Double) { self.value = value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = parseJudgement(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a number or a fraction such as 1/3, found \"\(text)\"")
        }
        value = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// Parses "3", "0.5" or "1/3"; nil when the text is neither.
public func parseJudgement(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
        return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
    case 2:
        guard let n = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let d = Double(parts[1].trimmingCharacters(in: .whitespaces)), d != 0,
              (n / d).isFinite else { return nil }
        return n / d
    default:
        return nil
    }
}
