import Foundation
import Testing

/// `minerisk grade --output` and `minerisk report` end to end: files written whole or not at all, exit codes.
@Suite(.serialized) struct ExportCLITests {
    static let root: URL = repositoryRoot
    static let fixture = root.appendingPathComponent("Tests/MineRiskTests/Fixtures/export-small").path
    static let models = root.appendingPathComponent("Models").path

    /// Runs `minerisk` from the repository root.
    func minerisk(_ arguments: [String]) throws -> CLIResult { try CLITests.minerisk(arguments) }

    var data: [String] { ["--data", Self.fixture, "--models", Self.models] }

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "minerisk-cli-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A zip whose end-of-central-directory record closes the file: a whole archive, not a truncated one.
    func isWholeZip(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        guard bytes.count > 22, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        return bytes.suffix(22).starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    @Test func gradeWritesEveryFormatByExtension() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["g.xlsx", "g.csv", "g.json", "g.md", "g.html"] {
            let run = try minerisk(["grade", "--output", folder + "/" + name] + data)
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
        let file = { (name: String) in FileManager.default.contents(atPath: folder + "/" + name) ?? Data() }
        #expect(isWholeZip(file("g.xlsx")))
        #expect([UInt8](file("g.csv")).starts(with: [0xEF, 0xBB, 0xBF, 0xE7, 0xBC, 0x96]), "BOM, then 编")
        let json = try JSONSerialization.jsonObject(with: file("g.json")) as? [String: Any]
        #expect((json?["facilities"] as? [Any])?.count == 23)
        #expect(String(decoding: file("g.md"), as: UTF8.self).hasPrefix("# 风险分级 Risk grades"))
        #expect(String(decoding: file("g.html"), as: UTF8.self).contains("<svg "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["g.csv", "g.html", "g.json", "g.md", "g.xlsx"])
        let flagged = try minerisk(["grade", "--format", "xlsx", "--output", folder + "/book.bin"] + data)
        #expect(flagged.status == 0 && isWholeZip(file("book.bin")), "--format wins over the extension")
    }

    @Test func workbookWithoutAFileIsAUsageError() throws {
        let run = try minerisk(["grade", "--format", "xlsx"] + data)
        #expect(run.status == 64)
        #expect(run.stderr.contains("--output"))
        #expect(run.stdout.isEmpty)
    }

    @Test func missingOutputFolderFailsBeforeAnyWork() throws {
        // The data folder does not exist either: exit 73 (not 66) shows the output was checked first.
        for command in [["grade", "--output", "/nonexistent-folder/g.xlsx"], ["report", "--output", "/nonexistent-folder/r.html"]] {
            let run = try minerisk(command + ["--data", "/nonexistent-data", "--models", Self.models])
            #expect(run.status == 73, "\(command[0]): \(run.stderr)")
            #expect(run.stderr.contains("/nonexistent-folder") && run.stderr.contains("does not exist"))
        }
    }

    @Test func unwritableOutputFolderFailsBeforeAnyWork() throws {
        let folder = try temporaryFolder()
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        chmod(locked, 0o555)
        // Root ignores permission bits; an immutable folder stops root too.
        if getuid() == 0 { _ = try? run("/usr/bin/chattr", ["+i", locked]) }
        defer {
            if getuid() == 0 { _ = try? run("/usr/bin/chattr", ["-i", locked]) }
            chmod(locked, 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try #require(!FileManager.default.isWritableFile(atPath: locked), "could not make a folder unwritable on this machine")
        let run = try minerisk(["grade", "--output", locked + "/g.csv", "--data", "/nonexistent-data", "--models", Self.models])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("not writable"))
    }

    @Test func failedGradeLeavesTheExistingFileUntouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let broken = folder + "/data"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: broken)
        let assessments = broken + "/assessments.csv"
        var text = String(decoding: FileManager.default.contents(atPath: assessments)!, as: UTF8.self)
        text += "UG-001,E01,ug_goaf_rqd,abc\n"
        try text.write(toFile: assessments, atomically: true, encoding: .utf8)
        for name in ["g.xlsx", "g.csv", "g.html"] {
            let target = folder + "/" + name
            try "the previous export".write(toFile: target, atomically: true, encoding: .utf8)
            let run = try minerisk(["grade", "--output", target, "--data", broken, "--models", Self.models])
            #expect(run.status == 65, "\(name): \(run.stderr)")
            #expect(run.stderr.contains("assessments.csv:"))
            #expect(String(decoding: FileManager.default.contents(atPath: target)!, as: UTF8.self) == "the previous export")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["data", "g.csv", "g.html", "g.xlsx"], "no temporary file left")
    }

    @Test func killedExportNeverLeavesATruncatedFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/g.xlsx"
        try "the previous export".write(toFile: target, atomically: true, encoding: .utf8)
        for delay in [0.0, 0.05, 0.1, 0.2, 0.4, 0.8] {
            let process = Process()
            process.executableURL = mineriskBinary
            process.arguments = ["grade", "--output", target] + data
            process.currentDirectoryURL = Self.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let content = FileManager.default.contents(atPath: target) ?? Data()
            #expect(String(decoding: content, as: UTF8.self) == "the previous export" || isWholeZip(content),
                    "after a kill at \(delay) s the target is either the old file or a whole workbook")
        }
    }

    @Test func reportWritesOneSelfContainedPage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try minerisk(["report", "--output", folder + "/r.html"] + data)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("report written to"))
        let html = String(decoding: FileManager.default.contents(atPath: folder + "/r.html") ?? Data(), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!html.contains("<script") && !html.contains("src="))
        let stdout = try minerisk(["report", "--output", "-"] + data)
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
