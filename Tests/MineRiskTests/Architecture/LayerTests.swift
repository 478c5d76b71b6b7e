import Foundation
import Testing

/// The folders of Sources/MineRisk from the bottom up: a file may use what its own folder declares and what
/// the levels below declare, never a level above nor a sibling of its own level (a helper two siblings need
/// goes down to Support). The CLI (Sources/minerisk) sits beside Synth at the top, in its own target.
/// The architecture article (MineRisk.docc/Architecture.md) draws this list.
let layerOrder: [[String]] = [
    ["Support"],
    ["LinearAlgebra"],
    ["Weighting"],
    ["Model"],
    ["Data"],
    ["Evaluation"],
    ["Grading"],
    ["Scenarios", "Uncertainty", "Monitoring", "Hazards", "Forms"],
    ["Store"],
    ["Export"],
    ["Synth"],
]

/// Folders of Sources/MineRisk that hold no Swift code.
let foldersWithoutCode: Set<String> = ["MineRisk.docc"]

/// Uses against the order that a change under way removes, each with its reason. Each must still be found:
/// an exception outlives its reason only until the change lands, then the test asks for its removal.
let knownExceptions: [(path: String, name: String, why: String)] = [
]

/// One use of a name declared in a folder the user's folder must not depend on.
struct LayerViolation: CustomStringConvertible {
    let path: String
    let line: Int
    let name: String
    let declaredIn: String
    let declaredAt: String

    var description: String { "\(path):\(line): uses \(name), declared in \(declaredIn) (\(declaredAt)), a level above or beside" }
}

/// Checks files grouped by folder against `layerOrder`.
struct LayerChecker {
    let files: [String: [ScannedFile]]

    /// The level of a folder, or nil for a folder missing from `layerOrder`.
    static func level(of folder: String) -> Int? {
        layerOrder.firstIndex { $0.contains(folder) }
    }

    /// Every use, in any file, of a top-level type, a free function or a member added to an outside type
    /// (such as `Double.clean`) that is declared only in a folder above the file's own or beside it.
    func violations() -> [LayerViolation] {
        struct Origin { let folder: String; let level: Int; let at: String; let member: Bool; var label: String? = nil }
        var declared: [String: [Origin]] = [:]
        var namesByFolder: [String: Set<String>] = [:]
        for (folder, scanned) in files {
            guard let level = Self.level(of: folder) else { continue }
            for file in scanned {
                namesByFolder[folder, default: []].formUnion(file.localNames)
                for d in file.declarations {
                    declared[d.name, default: []].append(Origin(folder: folder, level: level, at: "\(file.path):\(d.line)", member: false))
                }
                for m in file.extensionMembers {
                    declared[m.name, default: []].append(Origin(folder: folder, level: level, at: "\(file.path) (extension \(m.extended))",
                                                                member: true, label: m.label))
                }
            }
        }
        var found: [LayerViolation] = []
        for (folder, scanned) in files {
            guard let level = Self.level(of: folder) else { continue }
            // Names the folder itself or a level below declares: a use of one of them is resolved there.
            var allowed = Set<String>()
            for (other, names) in namesByFolder where other == folder || (Self.level(of: other) ?? .max) < level { allowed.formUnion(names) }
            for (other, scannedOther) in files where other == folder || (Self.level(of: other) ?? .max) < level {
                for file in scannedOther { allowed.formUnion(file.declarations.map(\.name)) }
            }
            for file in scanned {
                for use in file.identifiers() where !allowed.contains(use.name) {
                    guard let origins = declared[use.name] else { continue }
                    for origin in origins where origin.folder != folder && origin.level >= level {
                        // A member of an outside type is used after a dot; a bare word of that name is something else.
                        if origin.member && !use.afterDot { continue }
                        // `rounded(to:)` added by an extension is not the standard library's `rounded()`.
                        if origin.member, let label = origin.label, use.label != label { continue }
                        found.append(LayerViolation(path: file.path, line: use.line, name: use.name, declaredIn: origin.folder, declaredAt: origin.at))
                    }
                }
            }
        }
        return found.sorted { ($0.path, $0.line, $0.name) < ($1.path, $1.line, $1.name) }
    }

    /// Reads every Swift file of Sources/MineRisk, by folder.
    static func repository() throws -> (checker: LayerChecker, unknownFolders: [String]) {
        let sources = repositoryRoot.appendingPathComponent("Sources/MineRisk")
        let manager = FileManager.default
        var files: [String: [ScannedFile]] = [:]
        var unknown: [String] = []
        for folder in try manager.contentsOfDirectory(atPath: sources.path).sorted() {
            var isDirectory: ObjCBool = false
            let url = sources.appendingPathComponent(folder)
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                unknown.append(folder)
                continue
            }
            if foldersWithoutCode.contains(folder) { continue }
            if level(of: folder) == nil { unknown.append(folder) }
            let enumerator = manager.enumerator(at: url, includingPropertiesForKeys: nil)
            while let file = enumerator?.nextObject() as? URL {
                guard file.pathExtension == "swift" else { continue }
                let text = try String(contentsOf: file, encoding: .utf8)
                let relative = "Sources/MineRisk/\(folder)/" + file.path.dropFirst(url.path.count + 1)
                files[folder, default: []].append(ScannedFile(path: relative, text: text))
            }
        }
        return (LayerChecker(files: files), unknown)
    }
}

@Suite struct LayerTests {
    @Test func everyFolderHasAPlaceInTheOrder() throws {
        let (_, unknown) = try LayerChecker.repository()
        #expect(unknown.isEmpty, "Sources/MineRisk holds \(unknown.joined(separator: ", ")), which layerOrder (Tests/MineRiskTests/Architecture/LayerTests.swift) does not place: add it to a level, or to foldersWithoutCode")
    }

    @Test func noFolderUsesALevelAboveOrBesideIt() throws {
        let (checker, _) = try LayerChecker.repository()
        let violations = checker.violations().filter { v in !knownExceptions.contains { $0.path == v.path && $0.name == v.name } }
        let list = violations.map(\.description).joined(separator: "\n")
        #expect(violations.isEmpty, "\(violations.count) uses against the layer order:\n\(list)")
    }

    @Test func everyKnownExceptionIsStillNeeded() throws {
        let violations = try LayerChecker.repository().checker.violations()
        for exception in knownExceptions {
            let found = violations.contains { $0.path == exception.path && $0.name == exception.name }
            #expect(found, "\(exception.path) no longer uses \(exception.name): remove it from knownExceptions")
        }
    }

    /// The commands get a store from `StoreFactory`, as a `RoundStore`: a new backend must not touch them.
    @Test func theCommandsNameNoStoreBackend() throws {
        let cli = repositoryRoot.appendingPathComponent("Sources/minerisk")
        for name in try FileManager.default.contentsOfDirectory(atPath: cli.path).sorted() where name.hasSuffix(".swift") {
            let file = ScannedFile(path: "Sources/minerisk/\(name)", text: try String(contentsOf: cli.appendingPathComponent(name), encoding: .utf8))
            for use in file.identifiers() where ["SQLiteStore", "GRDB", "DatabaseQueue"].contains(use.name) {
                Issue.record("\(file.path):\(use.line): names \(use.name); a command opens its store with StoreFactory.open")
            }
        }
    }

    @Test func theScannerSeesEveryKindOfDeclaration() throws {
        let checker = try LayerChecker.repository().checker
        let names = Set(checker.files.values.flatMap { $0.flatMap { $0.declarations.map(\.name) } })
        // A struct, a class, an enum, a protocol, a free function: if the scanner stopped seeing any kind, the
        // check above would pass without checking it.
        for name in ["Matrix", "SQLiteStore", "RiskGrade", "RoundStore", "editDistance"] {
            let found = names.contains(name)
            #expect(found, "the scanner did not find \(name)")
        }
    }

    /// The checker on made-up folders: a lower folder using a higher one's type, function and extension member.
    @Test func aReverseUseIsFound() {
        let low = ScannedFile(path: "Low/A.swift", text: """
            // Uses High's types in code, not only in comments and strings: "HighThing"
            struct LowThing { let x = HighThing(); let y = "\\(highHelper(1))"; let z = 1.0.shine; let r = 1.5.rounded(); let t = 1.5.rounded(to: 1) }
            /* HighThing */
            """)
        let high = ScannedFile(path: "High/B.swift", text: """
            struct HighThing { var name = LowThing() }
            func highHelper(_ x: Int) -> Int { x }
            extension Double { var shine: String { "" }; func rounded(to places: Int) -> Double { self } }
            """)
        let checker = LayerChecker(files: ["Support": [low], "Data": [high]])
        let found = checker.violations().map { "\($0.path):\($0.line) \($0.name)" }
        #expect(found == ["Low/A.swift:2 HighThing", "Low/A.swift:2 highHelper", "Low/A.swift:2 rounded", "Low/A.swift:2 shine"])
    }

    /// The real sources with uses reversed in three places: Data using the grader and its report, Model using the
    /// store's protocol, Support using a facility kind's profile (a type and a member a kind file adds). The check
    /// must name each, and nothing else.
    @Test func reversingARealDirectionIsFound() throws {
        let real = try LayerChecker.repository().checker
        var files = real.files
        files["Data", default: []].append(ScannedFile(path: "Sources/MineRisk/Data/Reversed.swift", text: """
            extension Dataset { func grades(_ models: ModelSet) throws -> GradeReport { try Grader(models: models).grade(self) } }
            """))
        files["Model", default: []].append(ScannedFile(path: "Sources/MineRisk/Model/Reversed.swift", text: """
            struct StoredModels { let store: any RoundStore }
            """))
        files["Support", default: []].append(ScannedFile(path: "Sources/MineRisk/Support/Reversed.swift", text: """
            let pondColumns = FacilityKindProfile.tailingsPond.fields.count
            """))
        let found = Set(LayerChecker(files: files).violations().map { "\($0.path) \($0.name)" })
        #expect(found == ["Sources/MineRisk/Data/Reversed.swift GradeReport", "Sources/MineRisk/Data/Reversed.swift Grader",
                          "Sources/MineRisk/Model/Reversed.swift RoundStore", "Sources/MineRisk/Support/Reversed.swift FacilityKindProfile",
                          "Sources/MineRisk/Support/Reversed.swift tailingsPond"])
    }

    @Test func siblingsOfOneLevelMayNotUseEachOther() {
        let a = ScannedFile(path: "Scenarios/A.swift", text: "struct ScenarioThing { let s = SimThing() }\n")
        let b = ScannedFile(path: "Uncertainty/B.swift", text: "struct SimThing {}\n")
        let found = LayerChecker(files: ["Scenarios": [a], "Uncertainty": [b]]).violations().map(\.name)
        #expect(found == ["SimThing"])
    }
}
