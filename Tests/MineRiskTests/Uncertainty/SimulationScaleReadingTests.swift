import Foundation
import Testing
@testable import MineRisk

/// The national-scale fast paths of reading give exactly what the plain paths give.
@Suite struct SimulationScaleReadingTests {
    /// FIPS 180-2 appendix B vectors.
    @Test func sha256_fips180Vectors() {
        #expect(sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(sha256Hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // A non-contiguous collection takes the copying path.
        #expect(sha256Hex(Array("abc".utf8).lazy.map { $0 }) == sha256Hex(Array("abc".utf8)))
    }

    /// The decimal fast path returns strtod's double for every simple decimal it accepts.
    @Test func fastDecimalsEqualStrtod() {
        var random = SplitMix64(seed: 8)
        var texts = ["0", "-0", "+5", "1.", ".5", "007.250", "123456789012345", "0.000000000000000000001",
                     "9007199254740993", "1234567890123456.7", "99.99", "-12.34", "3.14159265358979"]
        for _ in 0..<20000 {
            let digits = 1 + random.nextInt(below: 17)
            var text = (0..<digits).map { _ in String(random.nextInt(below: 10)) }.joined()
            if random.nextUnit() < 0.8 { text.insert(".", at: text.index(text.startIndex, offsetBy: random.nextInt(below: digits + 1))) }
            if random.nextUnit() < 0.3 { text = "-" + text }
            texts.append(text)
        }
        for text in texts {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { parseFiniteDouble($0) }
            let reference = strtod(text, nil)
            #expect(parsed?.bitPattern == reference.bitPattern, "\(text)")
        }
    }

    /// The block path's value (`AssessmentLines.simpleValue`) is `parseFiniteDouble`'s double whenever it gives one,
    /// for every field of one to five bytes over digits, point, signs, exponent and space, and for sampled fields of six
    /// and seven bytes; and it gives one for the plain forms of the synthetic rounds.
    @Test func blockValuesEqualTheGeneralParse() {
        let alphabet: [UInt8] = Array("0179.-+e ".utf8)
        func check(_ field: [UInt8]) -> Double? {
            var word: UInt64 = 0
            for (k, byte) in (field + [0x0A]).prefix(8).enumerated() { word |= UInt64(byte) << UInt64(8 * k) }
            let fast = AssessmentLines.simpleValue(word, field.count)
            if let fast {
                let general = field.withUnsafeBufferPointer { parseFiniteDouble($0) }
                #expect(general?.bitPattern == fast.bitPattern, "\(String(decoding: field, as: UTF8.self))")
            }
            return fast
        }
        var fields: [[UInt8]] = [[]]
        var taken = 0
        for _ in 1...5 {
            fields = fields.flatMap { field in alphabet.map { field + [$0] } }
            for field in fields where check(field) != nil { taken += 1 }
        }
        // Exactly the fields of the form -?[0-9]+(\.[0-9]+)? are taken: 2,760 of them over this alphabet.
        #expect(taken == 2760)
        var random = SplitMix64(seed: 18)
        for _ in 0..<200_000 {
            _ = check((0..<(6 + random.nextInt(below: 2))).map { _ in alphabet[random.nextInt(below: alphabet.count)] })
        }
        for text in ["0", "7", "43", "100", "1234567", "0.5", "12.5", "-0.3", "-7", "99.99", "-0", "1.25e1"] {
            let value = check(Array(text.utf8))
            #expect((value == nil) == text.contains("e"), "\(text)")
        }
        #expect(check(Array("-".utf8)) == nil && check(Array("1.".utf8)) == nil && check(Array(".5".utf8)) == nil)
    }

    @Test func internerFindsIdsByTheirBytes() {
        let ids = (0..<5000).map { "F\($0)" } + ["专家一", "", "E 1"]
        let interner = ByteInterner(ids)
        for (index, id) in ids.enumerated() {
            let found = Array(id.utf8).withUnsafeBufferPointer { interner.index(of: $0) }
            #expect(found == index, "\(id)")
        }
        #expect(Array("  F17\t".utf8).withUnsafeBufferPointer { interner.index(of: $0) } == 17)
        #expect(Array("F5000".utf8).withUnsafeBufferPointer { interner.index(of: $0) } == nil)
        #expect(Array("f1".utf8).withUnsafeBufferPointer { interner.index(of: $0) } == nil)
    }

    @Test func largeFileReadsWholeAndCountsLines() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(repeating: "F1,E1,x,1.5\n", count: 200_000)
        let path = folder.appendingPathComponent("a.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let file = try TextFile(path: path)
        #expect(Array(file.bytes) == Array(text.utf8))
        #expect(file.lineCount == 200_001)
    }
}
