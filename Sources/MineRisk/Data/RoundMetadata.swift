import Foundation
import Yams

/// A calendar date written YYYY-MM-DD, and where a run took it from.
public struct RoundDate: Sendable, Equatable, Codable, Comparable {
    /// YYYY-MM-DD; compares as a date because the format has fixed widths.
    public var date: String
    /// `round.yaml`, `--as-of`, or `run date` when the folder has no round.yaml.
    public var from: String

    public init(date: String, from: String) {
        self.date = date
        self.from = from
    }

    public static func < (a: RoundDate, b: RoundDate) -> Bool { a.date < b.date }

    /// Today in UTC, for a data folder that does not say when it was assessed.
    public static func today() -> RoundDate {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return RoundDate(date: formatter.string(from: Date()), from: "run date")
    }
}

/// What a data folder's `round.yaml` says of its round: its name, when it was assessed, and where.
public struct RoundMetadata: Sendable, Equatable, Codable {
    public var round: String?
    /// The day the experts assessed the facilities (YYYY-MM-DD): it chooses the rules in force.
    public var assessedOn: String
    public var region: String?

    public static let fileName = "round.yaml"

    /// Reads round.yaml text; unknown keys and bad dates are errors with line and column.
    public static func parse(_ text: String, file: String) throws -> RoundMetadata {
        let node: Node
        do {
            guard let parsed = try Yams.compose(yaml: text) else {
                throw MineRiskError.invalid(SourceLocation(file: file, line: 1), "empty file: expected round, assessedOn, region")
            }
            node = parsed
        } catch let error as MineRiskError {
            throw error
        } catch {
            throw MineRiskError.invalid(SourceLocation(file: file), "not valid YAML: \(error)")
        }
        guard let mapping = node.mapping else {
            throw MineRiskError.invalid(SourceLocation(file: file, line: node.mark?.line), "expected a mapping with round, assessedOn, region")
        }
        let keys = ["round", "assessedOn", "region"]
        var values: [String: String] = [:]
        var problems = ProblemList()
        for problem in unknownKeys(of: mapping, known: keys, path: "", file: file) { problems.add(problem.location, problem.message) }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let at = SourceLocation(file: file, line: keyNode.mark?.line, column: keyNode.mark?.column, path: key)
            guard keys.contains(key) else { continue }
            guard let text = value.string else {
                problems.add(at, "\(key): expected a text value")
                continue
            }
            values[key] = text
        }
        try problems.throwIfAny()
        guard let date = values["assessedOn"] else {
            throw MineRiskError.invalid(SourceLocation(file: file, path: "assessedOn"), "assessedOn: missing; expected the assessment date YYYY-MM-DD")
        }
        guard isISODate(date) else {
            let mark = mapping.first { $0.key.string == "assessedOn" }?.value.mark
            throw MineRiskError.invalid(SourceLocation(file: file, line: mark?.line, column: mark?.column, path: "assessedOn"),
                                        "assessedOn: expected a date YYYY-MM-DD, found \"\(date)\"")
        }
        return RoundMetadata(round: values["round"], assessedOn: date, region: values["region"])
    }
}
