import Foundation
import Yams

/// The lowest risk grade a pond takes while a warning of a level holds (Models/warning-grades.yaml,
/// `format: {kind: warning-grades, version: 1}`). Red → major and orange → at least significant in the
/// bundled file, which states its source (the bureau's choice).
public struct WarningGradeRules: Sendable, Hashable {
    public var minimumGrades: [WarningLevel: RiskGrade]
    public var source: String

    public init(minimumGrades: [WarningLevel: RiskGrade], source: String) {
        self.minimumGrades = minimumGrades
        self.source = source
    }

    /// The lowest grade a warning of this level calls for, or nil when it does not bear on the grade.
    /// A higher warning never calls for less than a lower one.
    public func minimumGrade(for level: WarningLevel) -> RiskGrade? {
        WarningLevel.warnings.filter { $0 <= level }.compactMap { minimumGrades[$0] }.max()
    }

    /// A grade raised to what the warning calls for.
    public func grade(_ grade: RiskGrade, under level: WarningLevel) -> RiskGrade {
        max(grade, minimumGrade(for: level) ?? grade)
    }

    public static func load(path: String) throws -> WarningGradeRules {
        let text = try TextFile(path: path)
        return try parse(String(decoding: text.bytes[text.contentStart...], as: UTF8.self), file: path)
    }

    public static func parse(_ yaml: String, file: String) throws -> WarningGradeRules {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw MineRiskError.invalid(SourceLocation(file: file, line: 1), "the file is empty: expected format, source and rules") }
            root = node
        } catch let error as YamlError {
            throw MineRiskError.invalid(SourceLocation(file: file), "not valid YAML: \(error)")
        }
        let reader = YAMLNodeReader(file: file)
        var rules = WarningGradeRules(minimumGrades: [:], source: "")
        var sawFormat = false
        for (key, _, value) in try reader.mapping(root, "", known: ["format", "source", "rules"]) {
            switch key {
            case "format":
                let pairs = try reader.mapping(value, "format", known: ["kind", "version"])
                guard pairs.contains(where: { $0.key == "kind" && $0.value.string == "warning-grades" }),
                      pairs.contains(where: { $0.key == "version" && $0.value.int == 1 }) else {
                    throw reader.fail(value, "format", "expected {kind: warning-grades, version: 1}")
                }
                sawFormat = true
            case "source": rules.source = try reader.text(value, "source")
            default:
                for (index, rule) in try reader.sequence(value, "rules").enumerated() {
                    let path = "rules[\(index)]"
                    var level: WarningLevel?, grade: RiskGrade?
                    for (field, _, item) in try reader.mapping(rule, path, known: ["warning", "atLeast"]) {
                        let text = try reader.text(item, join(path, field))
                        if field == "warning" {
                            guard let parsed = WarningLevel(name: text), parsed != .none else { throw reader.fail(item, join(path, field), "expected blue, yellow, orange or red, found \"\(text)\"") }
                            level = parsed
                        } else {
                            guard let parsed = RiskGrade(rawValue: text) else { throw reader.fail(item, join(path, field), "expected low, general, significant or major, found \"\(text)\"") }
                            grade = parsed
                        }
                    }
                    guard let level, let grade else { throw reader.fail(rule, path, "expected warning and atLeast") }
                    guard rules.minimumGrades[level] == nil else { throw reader.fail(rule, path, "a second rule for \(level)") }
                    rules.minimumGrades[level] = grade
                }
            }
        }
        guard sawFormat else { throw reader.fail(root, "format", "missing key: expected format: {kind: warning-grades, version: 1}") }
        guard !rules.source.isEmpty else { throw reader.fail(root, "source", "missing key: say where the rules come from (a clause, or the bureau's choice)") }
        // A higher warning must not call for a lower grade than a lower warning does.
        var previous: (WarningLevel, RiskGrade)?
        for level in WarningLevel.warnings {
            guard let grade = rules.minimumGrades[level] else { continue }
            if let (lower, lowerGrade) = previous, grade < lowerGrade {
                throw MineRiskError.invalid(SourceLocation(file: file, path: "rules"), "\(level) calls for \(grade), below \(lowerGrade) for \(lower)")
            }
            previous = (level, grade)
        }
        return rules
    }
}
