import Foundation

/// A coding key for any name, to list the keys a mapping actually has.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension CodingUserInfoKey {
    /// The `YAMLSourceMap` of the document being decoded, so that decoded values know where they were written.
    static let yamlSourceMap = CodingUserInfoKey(rawValue: "minerisk.yamlSourceMap")!
}

extension Decoder {
    /// Where the value being decoded is written (file, line, column and YAML path, as far as known).
    var sourceLocation: SourceLocation {
        if let map = userInfo[.yamlSourceMap] as? YAMLSourceMap { return map.location(codingPath: codingPath) }
        let path = yamlPathText(codingPath)
        return SourceLocation(file: "(scenario)", path: path.isEmpty ? nil : path)
    }

    /// The keys of the mapping being decoded, in the order written.
    func mappingKeys() throws -> [String] {
        try container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
    }

    /// Refuses a mapping with a key outside `known`: a misspelt key must not be silently ignored.
    /// A key of `retired` (a name an older format version had) gets its own message, naming what replaced it;
    /// so does a misspelling nearer to a retired name than to any known one.
    func rejectUnknownKeys(_ known: [String], retired: [String: String] = [:]) throws {
        for key in try mappingKeys() where !known.contains(key) {
            let candidates = known + retired.keys.sorted()
            let guess = candidates.min { editDistance($0, key) < editDistance($1, key) }
                .flatMap { editDistance($0, key) <= max(2, $0.count / 3) ? $0 : nil }
            var message: String
            if let why = retired[key] {
                message = why
            } else if let guess, let why = retired[guess] {
                message = "unknown key \"\(key)\" (near \"\(guess)\", a key of an older version): \(why)"
            } else {
                message = unknownKeyMessage(key, known: known)
            }
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [AnyCodingKey(key)], debugDescription: message))
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a nested mapping after refusing any key outside `known`.
    func decodeStrict<T: Decodable>(_ type: T.Type, forKey key: Key, known: [String]) throws -> T {
        let decoder = try superDecoder(forKey: key)
        try decoder.rejectUnknownKeys(known)
        return try T(from: decoder)
    }

    /// Like `decodeStrict`, for an optional key.
    func decodeStrictIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key, known: [String]) throws -> T? {
        guard contains(key) else { return nil }
        return try decodeStrict(type, forKey: key, known: known)
    }
}

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
