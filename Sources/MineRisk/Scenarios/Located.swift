import Foundation

/// A value read from a scenario, with where it was written, so that a rule broken later can point at it.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// A value given on the command line by a flag.
    public static func commandLine(_ value: Value, flag: String) -> Located {
        Located(value, at: SourceLocation(file: "command line", path: flag))
    }
}

extension Located: Decodable where Value: Decodable {
    public init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Value.self)
        location = decoder.sourceLocation
    }
}

extension Located: Equatable where Value: Equatable {}
