import Testing
@testable import MineRisk

@Suite struct WarningGradeRulesTests {
    /// The bundled table: red → major, orange → at least significant (the bureau's choice, stated in the file).
    @Test func bundledTable() throws {
        let rules = try WarningGradeRules.load(path: repositoryRoot.appendingPathComponent("Models/warning-grades.yaml").path)
        #expect(rules.source.contains("bureau's choice"))
        #expect(rules.minimumGrade(for: .red) == .major)
        #expect(rules.minimumGrade(for: .orange) == .significant)
        #expect(rules.minimumGrade(for: .yellow) == nil)
        #expect(rules.grade(.low, under: .orange) == .significant)
        #expect(rules.grade(.major, under: .orange) == .major)
        #expect(rules.grade(.general, under: .blue) == .general)
        // The model loader leaves the file alone.
        #expect(throws: Never.self) { try ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path) }
    }

    @Test func refusals() {
        let head = "format: {kind: warning-grades, version: 1}\nsource: test\n"
        for (yaml, expected) in [
            ("rules:\n  - {warning: purple, atLeast: major}\n", "rules[0].warning"),
            ("rules:\n  - {warning: red, atLeast: general}\n  - {warning: orange, atLeast: major}\n", "red calls for general, below major"),
            ("rules:\n  - {warning: red, atleast: major}\n", "did you mean \"atLeast\""),
        ] {
            do {
                _ = try WarningGradeRules.parse(head + yaml, file: "w.yaml")
                Issue.record("accepted \(yaml)")
            } catch { #expect("\(error)".contains(expected), "\(error)") }
        }
    }
}
