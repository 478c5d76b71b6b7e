extension WarningLevel {
    /// The risk grade of the same colour (blue low … red major), for the shared fills and terminal colours;
    /// nil at none. The colours only: which grade a warning calls for is Models/warning-grades.yaml.
    public var sameColourGrade: RiskGrade? {
        switch self {
        case .none: return nil
        case .blue: return .low
        case .yellow: return .general
        case .orange: return .significant
        case .red: return .major
        }
    }

    /// "红色 red".
    public var bilingual: String { self == .none ? "无 none" : "\(chinese) \(name)" }
}
