/// The four risk levels every Chinese risk-grading scheme uses (DOMAIN §2), lowest first.
public enum RiskGrade: String, Codable, Sendable, CaseIterable, Comparable {
    case low
    case general
    case significant
    case major

    public var index: Int {
        switch self {
        case .low: return 0
        case .general: return 1
        case .significant: return 2
        case .major: return 3
        }
    }

    public init(index: Int) { self = RiskGrade.allCases[index] }

    /// The grade of maximum membership; a tie goes to the riskier grade, as a score on a band edge does
    /// (GradeBands.grade(of:)): both ways of grading break ties toward more risk.
    public static func ofMaximumMembership(_ b: [Double]) -> RiskGrade {
        let top = b.max()!
        return RiskGrade(index: b.lastIndex(of: top)!)
    }

    /// 低风险 / 一般风险 / 较大风险 / 重大风险.
    public var zh: String {
        switch self {
        case .low: return "低风险"
        case .general: return "一般风险"
        case .significant: return "较大风险"
        case .major: return "重大风险"
        }
    }

    public var english: String {
        switch self {
        case .low: return "Low"
        case .general: return "General"
        case .significant: return "Significant"
        case .major: return "Major"
        }
    }

    /// Blue, yellow, orange, red.
    public var colour: String {
        switch self {
        case .low: return "blue"
        case .general: return "yellow"
        case .significant: return "orange"
        case .major: return "red"
        }
    }

    /// The fill colour used in spreadsheets and reports (RGB hex).
    public var rgb: String {
        switch self {
        case .low: return "2F6FD0"
        case .general: return "F2D024"
        case .significant: return "F08A24"
        case .major: return "D7263D"
        }
    }

    /// 矿安〔2023〕1号 letters: A low … D major.
    public var letter: String {
        switch self {
        case .low: return "A"
        case .general: return "B"
        case .significant: return "C"
        case .major: return "D"
        }
    }

    public static func < (lhs: RiskGrade, rhs: RiskGrade) -> Bool { lhs.index < rhs.index }
}
