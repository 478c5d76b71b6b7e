extension RiskGrade {
    /// The text colour that reads on the grade's fill (RGB hex): white on red and blue, near-black on orange and yellow.
    public var ink: String {
        switch self {
        case .major, .low: return "FFFFFF"
        case .significant, .general: return "1A1A1A"
        }
    }

    /// The grade's colour darkened where needed to read as text on white (RGB hex).
    public var textOnWhite: String {
        switch self {
        case .major: return "C01F35"
        case .significant: return "B85A00"
        case .general: return "8A6D00"
        case .low: return "2F6FD0"
        }
    }

    /// "重大风险 Major".
    public var bilingual: String { "\(zh) \(english)" }
}
