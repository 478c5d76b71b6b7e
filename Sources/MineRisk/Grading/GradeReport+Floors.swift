/// The lowest grade a facility may take, and why: an online-monitoring warning's floor (Models/warning-grades.yaml).
public struct GradeFloor: Sendable, Equatable {
    public var grade: RiskGrade
    /// What calls for it, e.g. "red warning as of 2017-07-20T23:59:59+08:00".
    public var reason: String

    public init(grade: RiskGrade, reason: String) {
        self.grade = grade
        self.reason = reason
    }
}

extension GradeReport {
    /// The report with each facility raised to its floor (`gradedBy: "warning"`), whether or not its assessment is
    /// complete, as a veto grades; the summary is counted again and the rule recorded in the provenance.
    public func raising(to floors: [String: GradeFloor], rule: RuleInForce) -> GradeReport {
        var copy = self
        for i in copy.facilities.indices {
            guard let floor = floors[copy.facilities[i].id] else { continue }
            var r = copy.facilities[i]
            guard r.grade.map({ $0 < floor.grade }) ?? true else { continue }
            r.status = .graded
            r.grade = floor.grade
            r.gradedBy = .warning
            r.findings.append("\(floor.reason): at least \(floor.grade.rawValue) \(floor.grade.zh)")
            copy.facilities[i] = r
        }
        copy.summary = GradeSummary(results: copy.facilities, rejected: summary.rejected)
        copy.provenance.rules.append(rule)
        return copy
    }
}
