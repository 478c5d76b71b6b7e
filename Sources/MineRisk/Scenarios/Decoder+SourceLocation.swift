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
}
