import Yams

/// The keys of a YAML mapping outside `known`, each a problem at the key's line and column with its YAML path: the
/// one check of model files, the Liangshan plan, round.yaml and the monitoring thresholds (scenarios, decoded by
/// `Decodable`, check theirs while decoding, with the same `unknownKeyMessage`).
func unknownKeys(of mapping: Node.Mapping, known: [String], path: String, file: String) -> [InputProblem] {
    mapping.compactMap { keyNode, _ in
        guard let key = keyNode.string, !known.contains(key) else { return nil }
        return InputProblem(SourceLocation(file: file, line: keyNode.mark?.line, column: keyNode.mark?.column,
                                           path: path.isEmpty ? key : "\(path).\(key)"),
                            unknownKeyMessage(key, known: known))
    }
}
