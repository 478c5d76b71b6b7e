extension Indicator {
    /// What is wrong with an assessed value of this indicator, as every reader of values reports it; nil when it
    /// is accepted: within the indicator's range, and a whole grade vote 1…4 for a `level` indicator.
    ///
    /// - Parameter found: the value as the input wrote it.
    public func problem(with value: Double, found: String) -> String? {
        if let range, range.count == 2, value < range[0] || value > range[1] {
            return "value of \(id): expected \(range[0].clean)…\(range[1].clean)\(unit.map { " " + $0 } ?? ""), found \(found)"
        }
        if scale == .level, value != value.rounded() || value < 1 || value > 4 {
            return "value of \(id): expected a grade vote 1, 2, 3 or 4, found \(found)"
        }
        return nil
    }
}
