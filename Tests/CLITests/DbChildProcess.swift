import Foundation

/// A `minerisk` child process whose standard error goes to a file the test can watch.
final class ChildProcess {
    let process = Process()
    let stderrFile: URL

    init(arguments: [String], environment: [String: String], stderrFile: URL) throws {
        self.stderrFile = stderrFile
        FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = mineriskBinary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// Waits until the child has written `text` to standard error; fails if it exits first or time runs out.
    func waitForStderr(containing text: String, timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !stderr.contains(text) {
            guard process.isRunning else { throw failure("exited (status \(process.terminationStatus)) before writing \"\(text)\"") }
            guard Date() < deadline else { throw failure("did not write \"\(text)\" within \(Int(timeout)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Sends SIGKILL (if it is still running) and waits for it to end.
    func kill() throws {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private func failure(_ what: String) -> Error {
        CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "minerisk \(process.arguments?.joined(separator: " ") ?? "") \(what); stderr: \(stderr)"])
    }
}
