import Foundation
import Yams

/// Loads scenario files (`format: {kind: coal-scenario, version: 2}`), reporting any problem as
/// file:line:column with the YAML path of the key at fault: the format first, then every unknown key (the
/// check model files have, `YAMLKeySchema`), then the values.
public enum ScenarioLoader {
    /// Reads and decodes one scenario file. Values are checked against the register when the scenario runs.
    public static func load(path: String) throws -> CoalScenario {
        let text = try TextFile(path: path)
        var scenario = try decode(text.string, file: path)
        scenario.sha256 = sha256Hex(text.bytes)
        return scenario
    }

    /// Decodes a scenario from YAML text; `file` names it in messages and in the result.
    public static func decode(_ yaml: String, file: String) throws -> CoalScenario {
        let path = file
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw MineRiskError.invalid(SourceLocation(file: path, line: 1),
                    "the file is empty: expected a coal scenario starting with format: {kind: coal-scenario, version: 2}")
            }
            root = node
        } catch let error as YamlError {
            throw yamlSyntaxProblem(error, file: path)
        }
        let map = YAMLSourceMap(file: path, root: root)
        var scenario: CoalScenario
        do {
            _ = try YAMLDecoder().decode(CoalScenario.FormatCheck.self, from: root, userInfo: [.yamlSourceMap: map])
            let unknown = CoalScenario.keys.unknownKeys(in: root, path: "", file: path)
            if !unknown.isEmpty { throw MineRiskError.invalidInput(unknown) }
            scenario = try YAMLDecoder().decode(CoalScenario.self, from: root, userInfo: [.yamlSourceMap: map])
        } catch let error as DecodingError {
            throw problem(error, map: map)
        }
        scenario.file = path
        return scenario
    }

    /// A decoding error as a located problem: what was expected, what was found.
    static func problem(_ error: DecodingError, map: YAMLSourceMap) -> MineRiskError {
        switch error {
        case let .keyNotFound(key, context):
            let location = map.location(codingPath: context.codingPath + [key])
            return .invalid(location, "missing key \"\(key.stringValue)\"")
        case let .typeMismatch(type, context):
            let path = yamlPathText(context.codingPath)
            let found = map.scalar(at: path).map { "\"\($0)\"" } ?? "something else"
            return .invalid(map.location(path), "expected \(describe(type)), found \(found)")
        case let .valueNotFound(type, context):
            return .invalid(map.location(codingPath: context.codingPath), "expected \(describe(type)), found nothing")
        case let .dataCorrupted(context):
            return .invalid(map.location(codingPath: context.codingPath), context.debugDescription)
        @unknown default:
            return .invalid(SourceLocation(file: map.file), "\(error)")
        }
    }

    /// A type as a user would name what belongs there.
    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("Mapping") || name.contains("Dictionary") { return "a mapping (key: value)" }
        if name.contains("Sequence") || name.contains("Array") { return "a list" }
        if name.hasPrefix("Double") || name.hasPrefix("Float") { return "a number" }
        if name.hasPrefix("Int") { return "a whole number" }
        if name.hasPrefix("String") { return "text" }
        if name.hasPrefix("Bool") { return "true or false" }
        return "a single value"
    }
}
