import Foundation
import Yams

/// A model as loaded from its file, with the fingerprint every result records.
public struct LoadedModel: Sendable {
    public let model: IndicatorModel
    public let file: String
    public let sha256: String
}

/// The models of every facility kind, and where each indicator id belongs.
public struct ModelSet: Sendable {
    public let models: [FacilityKind: LoadedModel]
    /// indicator id → (kind, index in that model's `indicators`).
    public let indicatorIndex: [String: (kind: FacilityKind, index: Int)]

    public init(_ loaded: [LoadedModel]) {
        var models: [FacilityKind: LoadedModel] = [:]
        var index: [String: (FacilityKind, Int)] = [:]
        for entry in loaded {
            models[entry.model.kind] = entry
            for (i, indicator) in entry.model.indicators.enumerated() { index[indicator.id] = (entry.model.kind, i) }
        }
        self.models = models
        indicatorIndex = index
    }

    public subscript(kind: FacilityKind) -> LoadedModel? { models[kind] }
}

/// Loads `Models/*.yaml` and checks each model's structure.
public enum ModelLoader {
    /// Loads every `*.yaml` model in a folder; all problems of all files are reported together.
    public static func load(directory: String) throws -> ModelSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MineRiskError.missingInput("\(directory): no such models folder (pass --models DIR, or run from the repository root where Models/ is)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !notModels.contains($0) }.sorted()
        guard !names.isEmpty else { throw MineRiskError.missingInput("\(directory): no model files (*.yaml) in this folder") }
        var problems = ProblemList()
        var loaded: [LoadedModel] = []
        var seenKinds: [FacilityKind: String] = [:]
        var seenIndicators: [String: String] = [:]
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                let model = try load(path: path)
                if let other = seenKinds[model.model.kind] {
                    problems.add(SourceLocation(file: path, path: "kind"), "kind \(model.model.kind.rawValue) is already graded by \(other)")
                }
                seenKinds[model.model.kind] = path
                for (i, indicator) in model.model.indicators.enumerated() {
                    if let other = seenIndicators[indicator.id], other != path {
                        problems.add(SourceLocation(file: path, path: "indicators[\(i)].id"), "indicator id \"\(indicator.id)\" is also used in \(other); ids must be unique across models")
                    }
                    seenIndicators[indicator.id] = path
                }
                loaded.append(model)
            } catch let MineRiskError.invalidInput(list, dropped) {
                for problem in list { problems.add(problem.location, problem.message) }
                _ = dropped
            }
        }
        try problems.throwIfAny()
        return ModelSet(loaded)
    }

    /// Files of the models folder that are not indicator models (the warning → grade table, read by Monitoring).
    public static let notModels: Set<String> = ["warning-grades.yaml"]

    /// Loads and checks one model file.
    public static func load(path: String) throws -> LoadedModel {
        try decode(try TextFile(path: path), file: path)
    }

    /// Decodes and checks a model from a file's text; `file` names it in errors.
    public static func decode(_ text: TextFile, file: String) throws -> LoadedModel {
        let model = try decodeYAML(IndicatorModel.self, text.string, file: file, keys: .model,
                                   whenEmpty: "a model starting with format: {kind: indicator-model, version: 1}")
        try ModelValidator.validate(model, file: file)
        return LoadedModel(model: model, file: file, sha256: sha256Hex(text.bytes))
    }
}

/// Decodes a YAML file whose every mapping key `keys` must know: syntax errors, unknown keys and
/// decoding errors are reported with the file, and line and column or YAML path; `whenEmpty` says what
/// an empty file should have held.
func decodeYAML<T: Decodable>(_ type: T.Type, _ yaml: String, file: String, keys: YAMLKeySchema, whenEmpty: String) throws -> T {
    do {
        guard let root = try Yams.compose(yaml: yaml) else {
            throw MineRiskError.invalid(SourceLocation(file: file, line: 1), "the file is empty: expected \(whenEmpty)")
        }
        let unknown = keys.unknownKeys(in: root, path: "", file: file)
        if !unknown.isEmpty { throw MineRiskError.invalidInput(unknown) }
        return try YAMLDecoder().decode(T.self, from: root)
    } catch let error as DecodingError {
        throw MineRiskError.invalid(SourceLocation(file: file, path: yamlPath(of: error)), describe(error))
    } catch let error as YamlError {
        throw yamlSyntaxProblem(error, file: file)
    }
}

/// The coding path of a decoding error as a YAML path: `criteria.items[2].matrix`.
func yamlPath(of error: DecodingError) -> String {
    let path: [CodingKey]
    switch error {
    case let .keyNotFound(key, context): path = context.codingPath + [key]
    case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context): path = context.codingPath
    @unknown default: path = []
    }
    var text = ""
    for key in path {
        if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
    }
    return text.isEmpty ? "(top level)" : text
}

private func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound: return "missing key"
    case let .typeMismatch(type, context): return "expected \(type): \(context.debugDescription)"
    case let .valueNotFound(type, _): return "expected a value of type \(type), found nothing"
    case let .dataCorrupted(context): return context.debugDescription
    @unknown default: return "\(error)"
    }
}
