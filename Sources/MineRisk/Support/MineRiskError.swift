import Foundation

/// Exit codes from BSD `sysexits.h`, which every `minerisk` error maps to.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case cantCreate = 73
    case ioError = 74
    case tempFail = 75
    case noPermission = 77
    case config = 78
}

/// Where in an input a problem was found: a file with a line and column, or a YAML path.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var path: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let path { text += ": \(path)" }
        return text
    }
}

/// One problem in one input: where it is, what was expected and what was found.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Every error the engine reports to a user, each with its sysexits code.
public enum MineRiskError: Error, Sendable, CustomStringConvertible {
    /// Input files that are present but wrong; all problems found, up to a cap.
    case invalidInput([InputProblem], truncated: Int = 0)
    /// A file or folder that should be there is not.
    case missingInput(String)
    /// The command line asks for something impossible.
    case usage(String)
    /// An output could not be created.
    case cannotCreate(String)
    /// Reading or writing failed part way.
    case io(String)
    /// A numerical routine failed.
    case numerical(String)
    /// A service the command needs (the database server) cannot be reached, or dropped the connection.
    case unavailable(String)
    /// Someone else changed the same thing first; nothing was changed: look again and redo it.
    case conflict(String)
    /// The database refused the user the change (a county user writing another county's rows).
    case refused(String)

    public var exitStatus: ExitStatus {
        switch self {
        case .invalidInput: return .dataError
        case .missingInput: return .noInput
        case .usage: return .usage
        case .cannotCreate: return .cantCreate
        case .io: return .ioError
        case .numerical: return .software
        case .unavailable: return .unavailable
        case .conflict: return .tempFail
        case .refused: return .noPermission
        }
    }

    public var description: String {
        switch self {
        case let .invalidInput(problems, truncated):
            var lines = problems.map(\.description)
            if truncated > 0 { lines.append("… and \(truncated) more problems") }
            return lines.joined(separator: "\n")
        case let .missingInput(text), let .usage(text), let .cannotCreate(text),
             let .io(text), let .numerical(text), let .unavailable(text), let .conflict(text), let .refused(text):
            return text
        }
    }

    /// A single problem at a location.
    public static func invalid(_ location: SourceLocation, _ message: String) -> MineRiskError {
        .invalidInput([InputProblem(location, message)])
    }
}

/// Collects problems while reading, so that a file's errors are listed together, up to a cap.
public struct ProblemList: Sendable {
    public private(set) var problems: [InputProblem] = []
    public private(set) var dropped = 0
    public let cap: Int

    public init(cap: Int = 50) { self.cap = cap }

    public var isEmpty: Bool { problems.isEmpty }

    public mutating func add(_ location: SourceLocation, _ message: String) {
        if problems.count < cap { problems.append(InputProblem(location, message)) } else { dropped += 1 }
    }

    public mutating func add(contentsOf other: ProblemList) {
        for problem in other.problems { add(problem.location, problem.message) }
        dropped += other.dropped
    }

    /// Throws every collected problem as one error, if there is any.
    public func throwIfAny() throws {
        if !problems.isEmpty { throw MineRiskError.invalidInput(problems, truncated: dropped) }
    }
}
