import Foundation
import Testing

/// Models cite the standards themselves, with their clauses: never an internal brief, never a machine path.
@Suite struct ModelCitationTests {
    /// What a line of a model file must not mention, and how to say it in a failure.
    static let forbidden: [(needle: String, caseSensitive: Bool, what: String)] = [
        ("DOMAIN", true, "DOMAIN (an internal brief)"),
        ("domain brief", false, "the domain brief"),
        ("/work/", true, "a machine path /work/"),
        ("/home/", true, "a machine path /home/"),
        ("/root/", true, "a machine path /root/"),
        ("/tmp/", true, "a machine path /tmp/"),
        ("shared/", true, "a shared/ folder"),
    ]

    /// Every forbidden mention in a text, as `file:line: mentions …: the line`.
    static func mentions(in text: String, file: String) -> [String] {
        var found: [String] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            for rule in forbidden {
                let hit = rule.caseSensitive ? line.contains(rule.needle) : line.range(of: rule.needle, options: .caseInsensitive) != nil
                if hit { found.append("\(file):\(index + 1): mentions \(rule.what): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        return found
    }

    @Test func noModelFileCitesTheBriefOrAPath() throws {
        let folder = repositoryRoot.appendingPathComponent("Models")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.filter { $0.hasSuffix(".yaml") }.count == 5, "expected the four models and warning-grades.yaml in Models/, found \(names)")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for mention in Self.mentions(in: text, file: "Models/\(name)") {
                Issue.record(Comment(rawValue: mention))
            }
        }
    }

    /// The scan itself finds each forbidden form, on the line where it is, and passes a clean citation.
    @Test func scanFindsEachForbiddenMention() {
        let text = """
        sources:
          - {id: aq2006, cite: "AQ 2006-2005 §8 and Table 1"}
          - {id: a, cite: "as summarised in DOMAIN §8"}
          - {id: b, cite: "the minerisk Domain Brief"}
          - {id: c, cite: "see /work/x, /home/y, /root/z, /tmp/t"}
          - {id: d, cite: "shared/notes.md"}
        """
        let found = Self.mentions(in: text, file: "m.yaml")
        #expect(found.count == 7)
        #expect(found.contains { $0.hasPrefix("m.yaml:3: mentions DOMAIN") })
        #expect(found.contains { $0.hasPrefix("m.yaml:4: mentions the domain brief") })
        #expect(found.filter { $0.hasPrefix("m.yaml:5: mentions a machine path") }.count == 4)
        #expect(found.contains { $0.hasPrefix("m.yaml:6: mentions a shared/ folder") })
        #expect(!found.contains { $0.hasPrefix("m.yaml:2:") })
    }
}
