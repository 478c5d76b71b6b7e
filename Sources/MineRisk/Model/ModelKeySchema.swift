import Yams

/// The keys each mapping of a model file (or the Liangshan plan) may have: a misspelt key (`rnage:` for `range:`) must be an
/// error, not an optional value silently left out.
struct ModelKeySchema {
    let keys: [String]
    /// The schema of a key's value: of the mapping itself, or of each item of a sequence.
    let children: [String: ModelKeySchema]

    init(_ keys: [String], _ children: [String: ModelKeySchema] = [:]) {
        self.keys = keys
        self.children = children
    }

    static let bilingual = ModelKeySchema(["zh", "en"])

    static let model = ModelKeySchema(
        ["format", "kind", "modelVersion", "name", "sources", "grading", "criteria", "vetoes", "vetoLists"],
        [
            "format": ModelKeySchema(["kind", "version"]),
            "name": bilingual,
            "sources": ModelKeySchema(["id", "cite"]),
            "grading": ModelKeySchema(["gradeValues", "bands", "source"], ["bands": ModelKeySchema(["grade", "from", "to"])]),
            "criteria": ModelKeySchema(["matrix", "items"], [
                "items": ModelKeySchema(["id", "name", "source", "matrix", "indicators"], [
                    "name": bilingual,
                    "indicators": ModelKeySchema(["id", "name", "unit", "scale", "direction", "edges", "range", "source"], ["name": bilingual]),
                ]),
            ]),
            "vetoes": ModelKeySchema(["code", "text", "source", "lists", "derivedFrom"],
                                     ["text": bilingual, "derivedFrom": ModelKeySchema(["field", "values"])]),
            "vetoLists": ModelKeySchema(["id", "cite", "from", "until"]),
        ])

    /// Every key of `node` (and below) that the schema does not know, with its line, column and YAML path.
    func unknownKeys(in node: Node, path: String, file: String) -> [InputProblem] {
        switch node {
        case let .mapping(mapping):
            var unknown = MineRisk.unknownKeys(of: mapping, known: keys, path: path, file: file)[...]
            var problems: [InputProblem] = []
            for (keyNode, value) in mapping {
                guard let key = keyNode.string else { continue }
                guard keys.contains(key) else {
                    problems.append(unknown.removeFirst())
                    continue
                }
                if let child = children[key] { problems += child.unknownKeys(in: value, path: path.isEmpty ? key : "\(path).\(key)", file: file) }
            }
            return problems
        case let .sequence(sequence):
            return sequence.enumerated().flatMap { index, item in unknownKeys(in: item, path: "\(path)[\(index)]", file: file) }
        default:
            return []
        }
    }
}
