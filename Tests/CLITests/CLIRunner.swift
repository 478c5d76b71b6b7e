import Foundation

/// The result of running the built `minerisk` binary.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built binary: next to the test bundle, where SwiftPM puts every product of the build.
let mineriskBinary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("minerisk")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return repositoryRoot.appendingPathComponent(".build/debug/minerisk")
}()

/// Runs `minerisk` with arguments in a folder (the repository root by default) and captures its output.
func minerisk(_ arguments: [String], in folder: URL = repositoryRoot, environment: [String: String] = [:]) throws -> CLIResult {
    let process = Process()
    process.executableURL = mineriskBinary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so a large output cannot block the child.
    let outData = PipeContents()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { outData.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

extension CLIResult {
    /// Standard output parsed as a JSON object; empty when it is not one.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
    }
}

/// What one pipe delivered, filled on another thread and read after the DispatchGroup's wait.
private final class PipeContents: @unchecked Sendable {
    var data = Data()
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minerisk-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes text to a file in a folder and returns its path.
@discardableResult
func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// Parses JSON output.
func json(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw CocoaError(.propertyListReadCorrupt)
    }
    return object
}
