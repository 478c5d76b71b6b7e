import Foundation
import Testing

/// Every floating-point comparison in the suite goes through here, with its tolerance stated by the caller.
func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "lengths differ: \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= tolerance, "\(a) differs from \(e) by more than \(tolerance); actual \(actual)", sourceLocation: sourceLocation)
    }
}

func expectClose(_ actual: Double, _ expected: Double, tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= tolerance, "\(actual) differs from \(expected) by more than \(tolerance)", sourceLocation: sourceLocation)
}

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixture file's path.
func fixture(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures").appendingPathComponent(name).path
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minerisk-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
