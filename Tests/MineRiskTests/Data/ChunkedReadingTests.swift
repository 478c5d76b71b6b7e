import Foundation
import Testing
@testable import MineRisk

/// assessments.csv read by several threads gives what one thread gives: the same table, the same problems
/// in the same order at the same lines, the same rejects — whatever the number of runs it is cut into.
@Suite struct ChunkedReadingTests {
    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)

    /// The Liangshan 2017 round in memory, assessments.csv edited.
    func files(_ edit: (String) -> String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in DatasetLoader.requiredFiles {
            var text = try String(contentsOfFile: repositoryRoot.appendingPathComponent("seeds/liangshan-2017/\(name)").path, encoding: .utf8)
            if name == "assessments.csv" { text = edit(text) }
            files[name] = Array(text.utf8)
        }
        return files
    }

    /// What a load gives, as comparable text: the table and rejects, or the error.
    func outcome(_ files: [String: [UInt8]], skipInvalid: Bool, threads: Int, chunksPerThread: Int) -> String {
        var loader = DatasetLoader(files: files, models: Self.models, skipInvalid: skipInvalid)
        loader.assessmentChunking = AssessmentReader.Chunking(threads: threads, minimumBytes: 0, chunksPerThread: chunksPerThread)
        do {
            let data = try loader.load()
            let a = data.assessments
            let columns = a.facility.withUnsafeBytes(Array.init) + a.expert.withUnsafeBytes(Array.init)
                + a.indicator.withUnsafeBytes(Array.init) + a.value.withUnsafeBytes(Array.init)
            return "rows \(a.count), table \(sha256Hex(columns))\n"
                + data.rejects.map { "\($0.file):\($0.line) \($0.reason)" }.joined(separator: "\n")
        } catch {
            return "error \(error)"
        }
    }

    /// Compares the sequential read with cuts into 2 to 60 runs, strict and with --skip-invalid.
    func expectSameReading(_ edit: @escaping (String) -> String, _ comment: Comment) throws {
        let input = try files(edit)
        for skipInvalid in [false, true] {
            let reference = outcome(input, skipInvalid: skipInvalid, threads: 1, chunksPerThread: 1)
            for (threads, chunks) in [(2, 1), (2, 3), (3, 20)] {
                #expect(outcome(input, skipInvalid: skipInvalid, threads: threads, chunksPerThread: chunks) == reference,
                        "\(comment) skipInvalid \(skipInvalid), \(threads) threads × \(chunks) runs")
            }
        }
    }

    @Test func validRound() throws {
        try expectSameReading({ $0 }, "as published")
    }

    @Test func lineEndingsAndBlankLines() throws {
        try expectSameReading({ $0.replacingOccurrences(of: "\n", with: "\r\n") }, "CR LF")
        try expectSameReading({ "\n\r\n" + $0.replacingOccurrences(of: ",1\n", with: ",1\r").dropLast() }, "lone CR, blank lines first, no final break")
        try expectSameReading({ $0.replacingOccurrences(of: ",E03,", with: ",E03,").replacingOccurrences(of: ",2\n", with: ",2\n\n") }, "blank lines")
    }

    @Test func badRowsAreNamedInFileOrder() throws {
        try expectSameReading({ text in
            var lines = text.components(separatedBy: "\n")
            for (k, i) in stride(from: 7, to: lines.count - 1, by: 997).enumerated() {
                switch k % 4 {
                case 0: lines[i] = lines[i].replacingOccurrences(of: ",E0", with: ",X0")
                case 1: lines[i] += ",extra"
                case 2: lines[i] = lines[i].components(separatedBy: ",").dropLast().joined(separator: ",") + ",abc"
                default: lines[i] = "NOPE" + lines[i]
                }
            }
            return lines.joined(separator: "\n")
        }, "scattered bad rows")
        try expectSameReading({ $0.replacingOccurrences(of: ",E02,", with: ",E99,") }, "more problems than the cap")
    }

    @Test func repeatedRowsAreNamedAtTheirLines() throws {
        try expectSameReading({ text in
            let lines = text.components(separatedBy: "\n")
            return text + lines[5] + "\n" + lines[9000] + "\n" + lines[9000] + "\n"
        }, "rows repeated far apart")
        try expectSameReading({ text in
            var lines = text.components(separatedBy: "\n")
            lines.insert(lines[3], at: 4)
            return lines.joined(separator: "\n")
        }, "a row repeated at once")
    }

    @Test func quotedFilesAreReadByOneThread() throws {
        try expectSameReading({ $0.replacingOccurrences(of: "UG001,E01,ug_groundwater,2", with: "\"UG001\",E01,ug_groundwater,\"2\"") }, "quoted fields")
        try expectSameReading({ $0.replacingOccurrences(of: "UG001,E01,ug_groundwater,2", with: "UG001,E01,ug_gr\"oundwater,2") }, "a stray quote")
    }

    @Test func lineChunksCountBreaksAsTheReaderDoes() {
        let text = Array("\n\rh1,h2\r\na,b\rc,d\n\ne,f".utf8)
        let chunks = text.withUnsafeBufferPointer { LineChunks($0, range: 0..<text.count, count: 3, tasks: ParallelTasks(threads: 2)) }
        #expect(chunks?.headerLine == 3)
        var lines: [Int] = []
        let reader = CSVReader(file: "t.csv", text: TextFile(utf8: text, displayName: "t.csv"))
        for (range, first) in zip(chunks!.ranges, chunks!.firstLines) {
            try? reader.forEachRecord(in: range, firstLine: first) { lines.append($0.line) }
        }
        var reference: [Int] = []
        try? reader.forEachRecord { reference.append($0.line) }
        #expect(lines == Array(reference.dropFirst()))
        #expect(chunks!.capacities.reduce(0, +) >= reference.count - 1)
    }
}
