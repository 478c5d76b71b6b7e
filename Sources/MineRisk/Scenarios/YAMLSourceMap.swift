import Yams

/// Where each key and list item of a YAML document is written, by YAML path (`steps[1].actions[0].close`),
/// so that an error found after decoding can still name file:line:column.
public struct YAMLSourceMap: Sendable {
    public let file: String
    private var marks: [String: Position] = [:]
    /// The scalar text at a path, to quote what was found.
    private var scalars: [String: String] = [:]

    private struct Position: Sendable { let line: Int; let column: Int }

    /// Maps every node under `root`.
    public init(file: String, root: Node) {
        self.file = file
        walk(root, path: "")
    }

    /// A map with no positions: locations carry the file and the path only.
    public init(file: String) { self.file = file }

    private mutating func walk(_ node: Node, path: String) {
        if marks[path] == nil, let mark = node.mark { marks[path] = Position(line: mark.line, column: mark.column) }
        switch node {
        case let .scalar(scalar):
            scalars[path] = scalar.string
        case let .mapping(mapping):
            // Repeated keys never get here: the parser refuses them.
            for (key, value) in mapping {
                let name = key.string ?? "?"
                let child = path.isEmpty ? name : "\(path).\(name)"
                if let mark = key.mark { marks[child] = Position(line: mark.line, column: mark.column) }
                walk(value, path: child)
            }
        case let .sequence(sequence):
            for (i, item) in sequence.enumerated() { walk(item, path: "\(path)[\(i)]") }
        case .alias:
            break
        }
    }

    /// The location of a path; a path that is not written (a missing key) gets the nearest written parent's line.
    public func location(_ path: String) -> SourceLocation {
        var probe = path
        while true {
            if let position = marks[probe] {
                return SourceLocation(file: file, line: position.line, column: position.column, path: path.isEmpty ? nil : path)
            }
            guard let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            probe = String(probe[..<cut])
        }
        if let position = marks[""] {
            return SourceLocation(file: file, line: position.line, column: position.column, path: path.isEmpty ? nil : path)
        }
        return SourceLocation(file: file, path: path.isEmpty ? nil : path)
    }

    /// The location of a decoder's coding path.
    public func location(codingPath: [CodingKey]) -> SourceLocation { location(yamlPathText(codingPath)) }

    /// The scalar written at a path, if any.
    public func scalar(at path: String) -> String? { scalars[path] }
}

/// A coding path as a YAML path: `steps[1].actions[0].close`.
func yamlPathText(_ codingPath: [CodingKey]) -> String {
    var text = ""
    for key in codingPath {
        if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
    }
    return text
}
