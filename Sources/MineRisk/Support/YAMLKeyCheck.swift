import Yams

/// The keys each mapping of a YAML file may have, and below them the schema of each key's value: the one check of
/// model files, the Liangshan plan and scenarios (round.yaml and the monitoring thresholds check each mapping with
/// `unknownKeys(of:known:path:file:)`). A misspelt key (`rnage:` for `range:`) must be an error, not an optional
/// value silently left out.
struct YAMLKeySchema {
    let keys: [String]
    /// Names an older version of the format had, each with what replaced it: refused with that explanation.
    let retired: [String: String]
    /// The schema of a key's value: of the mapping itself, or of each item of a sequence.
    let children: [String: YAMLKeySchema]

    init(_ keys: [String], retired: [String: String] = [:], _ children: [String: YAMLKeySchema] = [:]) {
        self.keys = keys
        self.retired = retired
        self.children = children
    }

    /// Every key of `node` (and below) that the schema does not know, with its line, column and YAML path.
    func unknownKeys(in node: Node, path: String, file: String) -> [InputProblem] {
        switch node {
        case let .mapping(mapping):
            var unknown = MineRisk.unknownKeys(of: mapping, known: keys, retired: retired, path: path, file: file)[...]
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

/// The keys of a YAML mapping outside `known`, each a problem at the key's line and column with its YAML path; a
/// key of `retired` (or a misspelling of one) is explained by what replaced it.
func unknownKeys(of mapping: Node.Mapping, known: [String], retired: [String: String] = [:], path: String, file: String) -> [InputProblem] {
    mapping.compactMap { keyNode, _ in
        guard let key = keyNode.string, !known.contains(key) else { return nil }
        return InputProblem(SourceLocation(file: file, line: keyNode.mark?.line, column: keyNode.mark?.column,
                                           path: path.isEmpty ? key : "\(path).\(key)"),
                            unknownKeyMessage(key, known: known, retired: retired))
    }
}
