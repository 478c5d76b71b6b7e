import Foundation
import Testing
@testable import MineRisk

/// Writes that fail part way leave the target as it was and no temporary file behind.
@Suite struct AtomicWriterTests {
    @Test func interruptedWriteLeavesTheTargetUntouched() throws {
        let folder = try ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/grades.xlsx"
        try AtomicWriter.write("the previous export", to: target)
        struct Interrupted: Error {}
        #expect(throws: MineRiskError.self) {
            try AtomicWriter.write(to: target) { temporary in
                #expect(temporary.deletingLastPathComponent().path == URL(fileURLWithPath: folder).path, "the temporary file is in the target's folder")
                try Data("half a fi".utf8).write(to: temporary)
                throw Interrupted()
            }
        }
        #expect(String(decoding: FileManager.default.contents(atPath: target)!, as: UTF8.self) == "the previous export")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["grades.xlsx"], "no temporary file is left")
    }

    @Test func successfulWriteReplacesTheTarget() throws {
        let folder = try ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/grades.csv"
        try AtomicWriter.write("old", to: target)
        try AtomicWriter.write("new", to: target)
        #expect(String(decoding: FileManager.default.contents(atPath: target)!, as: UTF8.self) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["grades.csv"])
    }

    @Test func workbookWithoutSheetsFailsAndKeepsTheOldFile() throws {
        let folder = try ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/book.xlsx"
        try AtomicWriter.write("old", to: target)
        #expect(throws: MineRiskError.self) { try XLSXWorkbook(sheets: []).write(to: target) }
        #expect(String(decoding: FileManager.default.contents(atPath: target)!, as: UTF8.self) == "old")
    }

    @Test func missingFolderIsRefusedBeforeWriting() throws {
        let folder = try ExportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try AtomicWriter.checkWritable(folder + "/no/such/out.csv")
            Issue.record("a missing folder was accepted")
        } catch let error as MineRiskError {
            #expect(error.exitStatus == .cantCreate)
            #expect(error.description.contains("does not exist"))
        }
        #expect(FileManager.default.createFile(atPath: folder + "/file", contents: Data()))
        #expect(throws: MineRiskError.self) { try AtomicWriter.checkWritable(folder + "/file/out.csv") }
        try FileManager.default.createDirectory(atPath: folder + "/dir.csv", withIntermediateDirectories: false)
        #expect(throws: MineRiskError.self) { try AtomicWriter.checkWritable(folder + "/dir.csv") }
    }
}
