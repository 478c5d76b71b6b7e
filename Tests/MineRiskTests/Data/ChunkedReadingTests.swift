import Foundation
import Testing
@testable import MineRisk

/// assessments.csv read by several threads gives what one thread gives: the same table, the same problems
/// in the same order at the same lines, the same rejects — whatever the number of runs it is cut into.
@Suite struct ChunkedReadingTests {
    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)

    /// The Liangshan 2017 round in memory, assessments.csv (or another file) edited.
    func files(_ edit: (String) -> String, in edited: String = "assessments.csv") throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in DatasetLoader.requiredFiles {
            var text = try String(contentsOfFile: repositoryRoot.appendingPathComponent("seeds/liangshan-2017/\(name)").path, encoding: .utf8)
            if name == edited { text = edit(text) }
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
            let facilities = data.facilities.map { "\($0.id)@\($0.line) \($0.hashValue)" }.joined(separator: "\n") // values included
            return "facilities \(data.facilities.count) (\(data.rejectedFacilities) rejected), \(sha256Hex(Array(facilities.utf8)))\n"
                + "rows \(a.count), table \(sha256Hex(columns))\n"
                + data.rejects.map { "\($0.file):\($0.line) \($0.reason)" }.joined(separator: "\n")
        } catch {
            return "error \(error)"
        }
    }

    /// Compares the sequential read with cuts into 2 to 60 runs, strict and with --skip-invalid.
    func expectSameReading(_ edit: @escaping (String) -> String, in edited: String = "assessments.csv", _ comment: Comment) throws {
        let input = try files(edit, in: edited)
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
        // Rows the block path reads (`AssessmentLines.block`) mark their keys there: one of them repeated once, and a
        // whole block repeated, which the block path reads again.
        try expectSameReading({ text in
            text + text.components(separatedBy: "\n")[9001] + "\n"
        }, "a row from inside a block repeated once, far away")
        try expectSameReading({ text in
            let lines = text.components(separatedBy: "\n")
            let prefix = lines[9001].components(separatedBy: ",").prefix(2).joined(separator: ",") + ","
            return text + lines.filter { $0.hasPrefix(prefix) }.joined(separator: "\n") + "\n"
        }, "a block repeated at the end")
    }

    /// The fast path (`AssessmentLines`) accepts only what the general reader accepts, with the same
    /// indices and values: rows it must not take from their bytes go to the general reader.
    @Test func fastPathAgreesOnOddRows() throws {
        try expectSameReading({ text in
            var lines = text.components(separatedBy: "\n")
            let odd: [(String) -> String] = [
                { " " + $0.replacingOccurrences(of: ",", with: " , ") + " " },           // spaces around every field
                { $0.components(separatedBy: ",").dropLast().joined(separator: ",") + ",+3" },
                { $0.components(separatedBy: ",").dropLast().joined(separator: ",") + ",2.5" },
                { $0.components(separatedBy: ",").dropLast().joined(separator: ",") + ",1e1" },
                { $0.components(separatedBy: ",").dropLast().joined(separator: ",") + ",-1" },
                { $0.components(separatedBy: ",").dropLast().joined(separator: ",") + "," },
                { $0.replacingOccurrences(of: ",", with: ",,", options: .anchored) },    // a fifth field in front
                { $0.components(separatedBy: ",").dropFirst().joined(separator: ",") },  // three fields
                { "UG001-AN-ID-LONGER-THAN-SIXTEEN-BYTES" + $0.drop(while: { $0 != "," }) },
                { $0.replacingOccurrences(of: ",ug_", with: ",tp_").replacingOccurrences(of: ",op_", with: ",ug_") },
            ]
            for (k, i) in stride(from: 3, to: lines.count - 1, by: 311).enumerated() { lines[i] = odd[k % odd.count](lines[i]) }
            // Indicators out of their usual order: the guess of the next indicator misses.
            for i in stride(from: 40, to: lines.count - 2, by: 503) { lines.swapAt(i, i + 1) }
            return lines.joined(separator: "\n")
        }, "odd rows for the fast path")
    }

    /// One bit of one byte changed in lines inside blocks of rows, at every place of the line (facility, expert,
    /// indicator, value, line feed) in turn: the block path (`AssessmentLines.block`) must leave each such line to the
    /// longer ways unless they would read it as the same row. A change that would repeat another row's ids is not
    /// made: a repeat sends the whole file to the sequential reader, and the block path would not be tried.
    @Test func oneBitChangesInsideBlocksReadTheSame() throws {
        func key<S: StringProtocol>(_ line: S) -> String {
            line.split(separator: ",", omittingEmptySubsequences: false).prefix(3)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) }.joined(separator: ",")
        }
        var made = 0
        try expectSameReading({ text in
            var lines = text.components(separatedBy: "\n")
            var keys = Set(lines.map(key))
            var change = 0
            for i in stride(from: 4, to: lines.count - 2, by: 7) {
                var bytes = Array(lines[i].utf8) + [0x0A]
                let at = change % bytes.count, bit = (change / bytes.count) % 7
                change += 1
                bytes[at] ^= 1 << UInt8(bit)
                if bytes[at] == 0x22 { bytes[at] = 0x2C } // a quote would send the whole file to one thread
                let changed = String(decoding: bytes, as: UTF8.self)
                let (before, after) = (key(lines[i]), key(changed.split(separator: "\n", omittingEmptySubsequences: false)[0]))
                guard before == after || !keys.contains(after) else { continue }
                keys.insert(after)
                lines[i] = String(changed.dropLast(bytes.last == 0x0A ? 1 : 0))
                made += 1
            }
            return lines.joined(separator: "\n")
        }, "one bit changed in lines inside blocks")
        #expect(made > 2000)
    }

    /// Seeded random edits anywhere in the file (no quotes, so the parallel reader and its fast path stay
    /// in play): the parallel reading must still give the sequential one's table, problems and rejects.
    @Test func seededMutationsReadTheSame() throws {
        var rng = SplitMix64(seed: 2017_11)
        let pieces: [UInt8] = Array(",\n\r\t 0123456789.-+eE_UGTPE".utf8) + [0xE5, 0x00]
        for _ in 0..<12 {
            var edits: [(Int, Int, UInt8)] = []
            for _ in 0..<(1 + rng.nextInt(below: 12)) {
                edits.append((rng.nextInt(below: 3), rng.nextInt(below: 1 << 30), pieces[rng.nextInt(below: pieces.count)]))
            }
            try expectSameReading({ text in
                var bytes = Array(text.utf8)
                for (kind, position, byte) in edits {
                    let at = 45 + position % (bytes.count - 45) // the header stays whole
                    switch kind {
                    case 0: bytes[at] = byte
                    case 1: bytes.insert(byte, at: at)
                    default: bytes.removeSubrange(at..<min(bytes.count, at + 1 + position % 40))
                    }
                }
                return String(decoding: bytes, as: UTF8.self)
            }, "edits \(edits)")
        }
    }

    /// The fast path's guesses miss: experts leave indicators out, facilities come in another order than in
    /// facilities.csv (and some not at all), an expert's rows come before another's.
    @Test func guessesThatMissReadTheSame() throws {
        try expectSameReading({ text in
            let lines = text.components(separatedBy: "\n")
            return lines.enumerated().filter { $0.offset < 1 || $0.offset % 17 != 5 && $0.offset % 23 != 6 }.map(\.element)
                .joined(separator: "\n")
        }, "indicators left out")
        try expectSameReading({ text in
            var lines = text.components(separatedBy: "\n")
            let header = lines.removeFirst()
            let blocks = Dictionary(grouping: lines.filter { !$0.isEmpty }) { $0.prefix { $0 != "," } }
            let order = blocks.keys.sorted().reversed().enumerated().filter { $0.offset % 9 != 4 }.map(\.element)
            return ([header] + order.flatMap { id in
                let rows = blocks[id]!
                return id.hasSuffix("3") ? rows.sorted { $0.split(separator: ",")[1] > $1.split(separator: ",")[1] } : rows
            }).joined(separator: "\n") + "\n"
        }, "facilities in reverse order, some left out, experts reversed in some")
    }

    /// facilities.csv read in runs gives the facilities, problems and rejects of the sequential reader: bad rows,
    /// ids repeated far apart and at once, rows of the wrong width, blank lines, CR LF.
    @Test func facilitiesReadTheSame() throws {
        try expectSameReading({ $0 }, in: "facilities.csv", "facilities as published")
        try expectSameReading({ $0.replacingOccurrences(of: "\n", with: "\r\n") }, in: "facilities.csv", "facilities with CR LF")
        try expectSameReading({ text in
            var lines = text.components(separatedBy: "\n")
            lines[3] = lines[3].replacingOccurrences(of: "underground_mine", with: "mine")
            lines[9] = "," + lines[9].split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",")
            lines[17] += ",extra"
            lines[40] = lines[40].replacingOccurrences(of: ",yes,", with: ",maybe,")
            lines.insert(lines[60], at: 150)
            lines.insert(lines[5], at: 6)
            lines.insert("", at: 100)
            return lines.joined(separator: "\n")
        }, in: "facilities.csv", "bad facility rows and repeated ids")
    }

    @Test func columnsInAnotherOrder() throws {
        try expectSameReading({ text in
            text.components(separatedBy: "\n").map { line in
                let f = line.components(separatedBy: ",")
                return f.count == 4 ? [f[3], f[2], f[0], f[1]].joined(separator: ",") : line
            }.joined(separator: "\n")
        }, "value, indicator, facility, expert")
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

    /// Cut from the text's census (as a large ASCII file is), the runs start on the lines the reader counts, hold
    /// every record, and the census's quote keeps the text off the parallel path; a census with a carriage return
    /// is set aside and the runs scanned.
    @Test func censusCutsAsTheScanDoes() {
        let blankLinesBetween: String = (0..<200).map { (k: Int) -> String in k % 13 == 0 ? "row\(k),\(k * 7)\n\n" : "row\(k),\(k * 7)\n" }.joined()
        let plain: String = (0..<50).map { (k: Int) -> String in "r\(k),\(k)\n" }.joined()
        let texts: [String] = ["\n\nh1,h2\n" + blankLinesBetween + "end,1", "h1,h2\n" + plain,
                               "h1,h2\r\n" + plain.replacingOccurrences(of: "\n", with: "\r\n")]
        for (t, string) in texts.enumerated() {
            let text = Array(string.utf8)
            let reader = CSVReader(file: "t.csv", text: TextFile(utf8: text, displayName: "t.csv"))
            var reference: [Int] = []
            try? reader.forEachRecord { reference.append($0.line) }
            for parts in [1, 5, 64] {
                for count in [1, 3, 8] {
                    let cut: LineChunks? = text.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) -> LineChunks? in
                        LineChunks(bytes, range: 0..<text.count, count: count, tasks: ParallelTasks(threads: 2), census: ByteCensus(bytes, parts: parts))
                    }
                    guard let chunks = cut else {
                        Issue.record("text \(t), \(parts) parts, \(count) runs: not cut")
                        continue
                    }
                    var lines: [Int] = []
                    for (range, first) in zip(chunks.ranges, chunks.firstLines) {
                        try? reader.forEachRecord(in: range, firstLine: first) { lines.append($0.line) }
                    }
                    #expect(lines == Array(reference.dropFirst()), "text \(t), \(parts) parts, \(count) runs")
                    #expect(chunks.capacities.reduce(0, +) >= reference.count - 1, "text \(t), \(parts) parts, \(count) runs")
                }
            }
            var quoted = text
            quoted.insert(0x22, at: quoted.count / 2)
            let quotedCut: LineChunks? = quoted.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) -> LineChunks? in
                LineChunks(bytes, range: 0..<quoted.count, count: 3, tasks: ParallelTasks(threads: 2), census: ByteCensus(bytes, parts: 5))
            }
            #expect(quotedCut == nil, "text \(t) with a quote")
        }
    }

    /// A large ASCII file keeps its census, which counts what a byte-by-byte count finds; a large file with one byte
    /// outside ASCII has none, and is still checked as UTF-8.
    @Test func largeFilesAreCensused() throws {
        var text = Array("h1,h2\n".utf8)
        while text.count < (1 << 24) + 1000 { text += Array("row\(text.count),\(text.count % 97)\n".utf8) }
        let file = try TextFile(data: text, displayName: "big.csv")
        let census = try #require(file.census)
        #expect(census.isASCII && !census.hasQuote && !census.hasCarriageReturn)
        #expect(census.parts.map(\.lineFeeds).reduce(0, +) == text.filter { $0 == 0x0A }.count)
        #expect(census.parts.first?.range.lowerBound == 0 && census.parts.last?.range.upperBound == text.count)
        let middle = text.count / 2
        #expect(text.withUnsafeBufferPointer { census.lineFeeds(before: middle, in: $0) } == text[..<middle].filter { $0 == 0x0A }.count)
        var accented = text
        accented.replaceSubrange(middle..<(middle + 2), with: Array("é".utf8))
        let other = try TextFile(data: accented, displayName: "big.csv")
        #expect(other.census == nil && other.encoding == "UTF-8")
    }

    /// The key set finds a repeat inside one thread's share of the rows and across two shares, and none where
    /// there is none.
    @Test func keySetFindsRepeatsAcrossShares() {
        let rows = 1 << 21
        func check(_ repeatAt: (Int, Int)?) -> Bool {
            var facility = (0..<rows).map { Int32($0 / 8) }, expert = (0..<rows).map { Int32($0 % 8 / 4) }
            var indicator = (0..<rows).map { Int32($0 % 4) }, value = [Double](repeating: 1, count: rows)
            if let (from, to) = repeatAt {
                facility[to] = facility[from]
                expert[to] = expert[from]
                indicator[to] = indicator[from]
            }
            return facility.withUnsafeMutableBufferPointer { f in
                expert.withUnsafeMutableBufferPointer { e in
                    indicator.withUnsafeMutableBufferPointer { j in
                        value.withUnsafeMutableBufferPointer { v in
                            var set = AssessmentKeySet(facilities: rows / 8, experts: 2, indicators: 4)
                            let columns = AssessmentColumns(facility: f.baseAddress!, expert: e.baseAddress!, indicator: j.baseAddress!, value: v.baseAddress!)
                            return set.insertAll(columns, count: rows, tasks: ParallelTasks(threads: 2))
                        }
                    }
                }
            }
        }
        #expect(check(nil))
        #expect(!check((10, 20)), "inside the first share")
        #expect(!check((10, rows - 3)), "across the shares")
        #expect(!check((rows / 2 + 5, rows - 1)), "inside the second share")
    }

    /// A quote anywhere (header, a run's sixteen-byte blocks or its tail) keeps the text off the parallel path.
    @Test func aQuoteAnywhereIsFound() {
        let text = Array(("h1,h2\n" + (0..<12).map { "row\($0),\($0 * 7)\n" }.joined() + "end,1").utf8)
        for at in 0...text.count {
            var quoted = text
            quoted.insert(0x22, at: at)
            let chunks = quoted.withUnsafeBufferPointer { LineChunks($0, range: 0..<quoted.count, count: 3, tasks: ParallelTasks(threads: 2)) }
            #expect(chunks == nil, "a quote at byte \(at)")
        }
    }

    /// Each line feed in turn made a lone CR: the runs' first lines still match the reader's, and the run with it is marked.
    @Test func loneCarriageReturnsAreCountedWherever() {
        let text = Array(("h1,h2\n" + (0..<12).map { "row\($0),\($0 * 7)\n" }.joined() + "end,1").utf8)
        for at in text.indices.dropFirst(6) where text[at] == 0x0A {
            var edited = text
            edited[at] = 0x0D
            let chunks = edited.withUnsafeBufferPointer { LineChunks($0, range: 0..<edited.count, count: 3, tasks: ParallelTasks(threads: 2)) }
            let reader = CSVReader(file: "t.csv", text: TextFile(utf8: edited, displayName: "t.csv"))
            var lines: [Int] = []
            for (range, first) in zip(chunks!.ranges, chunks!.firstLines) {
                try? reader.forEachRecord(in: range, firstLine: first) { lines.append($0.line) }
            }
            var reference: [Int] = []
            try? reader.forEachRecord { reference.append($0.line) }
            #expect(lines == Array(reference.dropFirst()), "a lone CR at byte \(at)")
            let marked = chunks!.ranges.indices.filter { chunks!.loneCarriageReturns[$0] }.map { chunks!.ranges[$0] }
            #expect(marked.count == 1 && marked[0].contains(at), "the run with byte \(at) marked")
        }
    }
}
