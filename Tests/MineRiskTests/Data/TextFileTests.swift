import Foundation
import Testing
@testable import MineRisk

/// A file read from disk gives the same text whether it is mapped (16 MiB and more) or read into memory.
@Suite struct TextFileTests {
    /// A temporary file with these bytes; removed with its folder by the caller.
    func write(_ bytes: [UInt8], name: String = "big.csv") throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minerisk-textfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    /// About 17 MiB of assessment-like lines after `prefix`.
    func largeText(prefix: [UInt8] = []) -> [UInt8] {
        prefix + Array(("facility_id,expert_id,indicator_id,value\n" + String(repeating: "UG0000001,E01,ug_goaf_rqd,43\n", count: 620_000)).utf8)
    }

    @Test func aLargeFileIsMappedAndReadsTheSame() throws {
        let bytes = largeText(prefix: [0xEF, 0xBB, 0xBF])
        #expect(bytes.count >= 1 << 24)
        let (folder, path) = try write(bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try TextFile(path: path)
        #expect(text.bytes.isMapped)
        #expect(text.encoding == "UTF-8 with BOM")
        #expect(text.contentStart == 3)
        #expect(text.bytes.count == bytes.count)
        #expect(text.bytes.withUnsafeBufferPointer { Array($0) } == bytes)
        #expect(text.bytes[3] == UInt8(ascii: "f") && text.bytes[bytes.count - 1] == 0x0A)
        #expect(sha256Hex(text.bytes) == sha256Hex(bytes))
        let inMemory = try TextFile(data: bytes, displayName: "memory")
        #expect(text.lineCount == inMemory.lineCount)
        #expect(text.string.hasPrefix("facility_id,expert_id"))
    }

    /// Pages given back after parsing (part of the file, then all of it) are mapped in again from the page cache:
    /// the bytes, and so their digest, are unchanged.
    @Test func releasedPagesReadTheSame() throws {
        let bytes = largeText()
        let (folder, path) = try write(bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try TextFile(path: path)
        #expect(text.bytes.isMapped)
        text.bytes.releasePages(in: 5_000..<(bytes.count / 2 + 77))
        #expect(text.bytes.withUnsafeBufferPointer { Array($0) } == bytes)
        text.bytes.releasePages()
        #expect(sha256Hex(text.bytes) == sha256Hex(bytes))
        // Bytes held in memory have nothing to give back.
        let inMemory = FileBytes(bytes)
        inMemory.releasePages()
        #expect(Array(inMemory) == bytes)
    }

    /// A round's files are hashed when the digests are first asked for, directly or after `prepare`, and give what
    /// SHA-256 of the files gives.
    @Test func fileDigestsAreTheFilesSHA256() throws {
        let big = largeText(), small = Array("id,weight\nE01,1\n".utf8)
        let (folder, path) = try write(big)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapped = try TextFile(path: path).bytes
        mapped.releasePages()
        let expected = ["assessments.csv": sha256Hex(big), "experts.csv": sha256Hex(small)]
        #expect(FileDigests(files: ["assessments.csv": mapped, "experts.csv": FileBytes(small)]).values == expected)
        let prepared = FileDigests(files: ["assessments.csv": mapped, "experts.csv": FileBytes(small)])
        prepared.prepare()
        #expect(prepared.values == expected)
        #expect(prepared.values == expected) // asked again: the same, not hashed again
        #expect(prepared == FileDigests(hashes: expected))
        #expect(FileDigests(hashes: expected) != FileDigests(hashes: ["experts.csv": sha256Hex(small)]))
    }

    @Test func aSmallFileIsReadIntoMemory() throws {
        let bytes = Array("facility_id,expert_id,indicator_id,value\nUG1,E01,ug_goaf_rqd,43\n".utf8)
        let (folder, path) = try write(bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try TextFile(path: path)
        #expect(!text.bytes.isMapped)
        #expect(Array(text.bytes) == bytes)
    }

    @Test func aLargeGB18030FileIsConverted() throws {
        // "矿" in GB18030 (BF F3) in the last line: the ASCII check of the map fails, the conversion takes over.
        let bytes = largeText() + [0x55, 0x47, 0x31, 0x2C, 0xBF, 0xF3, 0x0A]
        let (folder, path) = try write(bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try TextFile(path: path)
        #expect(text.encoding == "GB18030")
        #expect(text.string.hasSuffix("UG1,矿\n"))
    }

    @Test func aBadByteInALargeFileIsNamedAtItsLineAndColumn() throws {
        // 0xFF is a byte neither UTF-8 nor GB18030 has.
        let bytes = largeText() + Array("UG1,E01,x,".utf8) + [0xFF, 0x0A]
        let (folder, path) = try write(bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = 620_000 + 2
        #expect {
            try TextFile(path: path, displayName: "assessments.csv")
        } throws: { error in
            "\(error)".contains("assessments.csv:\(lines):11") && "\(error)".contains("0xFF")
        }
    }
}
