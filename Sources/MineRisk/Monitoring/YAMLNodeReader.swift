import Yams

/// Reads a composed YAML document node by node, knowing each node's path, so every problem names the file,
/// line, column and YAML path (`ponds[0].items.phreatic_depth.orange`).
struct YAMLNodeReader {
    let file: String

    func location(_ node: Node?, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column, path: path.isEmpty ? "(top level)" : path)
    }

    func fail(_ node: Node?, _ path: String, _ message: String) -> MineRiskError {
        .invalid(location(node, path), message)
    }

    /// The pairs of a mapping, refusing keys outside `known` (nil: any key).
    func mapping(_ node: Node, _ path: String, known: [String]? = nil) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else { throw fail(node, path, "expected a mapping, found \(kind(node))") }
        var pairs: [(String, Node, Node)] = []
        var seen = Set<String>()
        if let known, let unknown = unknownKeys(of: mapping, known: known, path: path, file: file).first {
            throw MineRiskError.invalid(unknown.location, unknown.message)
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw fail(keyNode, path, "expected a text key") }
            let here = join(path, key)
            guard seen.insert(key).inserted else { throw fail(keyNode, here, "key \"\(key)\" appears twice") }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    func sequence(_ node: Node, _ path: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw fail(node, path, "expected a list, found \(kind(node))") }
        return Array(sequence)
    }

    func number(_ node: Node, _ path: String) throws -> Double {
        guard node.scalar != nil, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw fail(node, path, "expected a number, found \(kind(node))")
        }
        return value
    }

    func integer(_ node: Node, _ path: String) throws -> Int {
        guard let value = node.int else { throw fail(node, path, "expected a whole number, found \(kind(node))") }
        return value
    }

    func text(_ node: Node, _ path: String) throws -> String {
        guard let scalar = node.scalar else { throw fail(node, path, "expected a text value, found \(kind(node))") }
        return scalar.string
    }

    /// A yyyy-mm-dd day.
    func day(_ node: Node, _ path: String) throws -> String {
        let value = try text(node, path)
        guard parseISODay(value) != nil else { throw fail(node, path, "expected a day as yyyy-mm-dd, found \"\(value)\"") }
        return value
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// `a.b`, or `b` at the top.
func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
