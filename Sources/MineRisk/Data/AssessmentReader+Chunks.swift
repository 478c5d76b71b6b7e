import Foundation

extension AssessmentReader {
    /// Reads a large file without quotes on all processors: each thread parses its own runs of lines into
    /// its part of the table, with its own problems and rejects; they are joined in file order. Plainly
    /// valid lines take the fast path of `AssessmentLines`; every other line the general reader.
    ///
    /// Returns nil, with `state` untouched, when the file does not qualify or when a row repeats an earlier
    /// one: the sequential reader then reads the file again and names the repeat at its line.
    func readInChunks(_ reader: CSVReader, cut chunks: LineChunks?, lookup: AssessmentLookup, state: inout LoadState) throws -> AssessmentTable? {
        let tasks = ParallelTasks(threads: chunking.threads)
        let text = reader.text
        guard let chunks else { return nil }
        var header: CSVHeader?
        try reader.forEachRecord(in: chunks.header, firstLine: chunks.headerLine) { record in
            header = try CSVHeader(record: record, required: Self.required)
        }
        guard let header else { return nil }

        var offsets: [Int] = []
        var capacity = 0
        for run in chunks.capacities {
            offsets.append(capacity)
            capacity += run
        }
        let skipInvalid = state.skipInvalid
        var states = [LoadState](repeating: LoadState(skipInvalid: skipInvalid), count: chunks.ranges.count)
        var counts = [Int](repeating: 0, count: chunks.ranges.count)
        var table = AssessmentTable()
        // Each thread marks the keys of the rows it writes, as it writes them (nil: they are looked for afterwards).
        let marks = keyMarks(lookup, workers: tasks.workers(for: chunks.ranges.count))
        var repeats = [UInt64](repeating: 0, count: chunks.ranges.count)
        let complete = try AssessmentColumns.make(capacity: capacity, into: &table) { columns in
            try states.withUnsafeMutableBufferPointer { states in
                try counts.withUnsafeMutableBufferPointer { counts in
                    try repeats.withUnsafeMutableBufferPointer { repeats in
                    try tasks.run(chunks.ranges.count) { k, worker in
                        var checker = AssessmentRowChecker(context: context, lookup: lookup)
                        var local = LoadState(skipInvalid: skipInvalid)
                        var written = 0
                        var keys = marks?.marks(worker)
                        func general(_ r: CSVRecord) {
                            if let problem = header.checkWidth(r) {
                                local.reject(problem)
                                return
                            }
                            switch checker.check(header, r) {
                            case let .failure(problem): local.reject(problem)
                            case let .success(row):
                                columns.set(offsets[k] + written, row)
                                keys?.mark(facility: row.facility, expert: row.expert, indicator: row.indicator)
                                written += 1
                            }
                        }
                        let range = chunks.ranges[k]
                        try text.bytes.withUnsafeBufferPointer { bytes in
                            if var lines = AssessmentLines(header: header, lookup: lookup), !chunks.loneCarriageReturns[k] {
                                lines.keys = marks?.marks(worker)
                                written = try lines.read(bytes, range: range, firstLine: chunks.firstLines[k],
                                                         into: columns, at: offsets[k]) { line, number, row in
                                    // The general reader writes its row (if any) where the fast path is.
                                    written = row - offsets[k]
                                    try reader.forEachRecord(in: line, firstLine: number, general)
                                    return written - (row - offsets[k])
                                }
                                repeats[k] |= lines.keys?.repeats ?? 0
                            } else {
                                try reader.forEachRecord(in: range, firstLine: chunks.firstLines[k], general)
                            }
                        }
                        repeats[k] |= keys?.repeats ?? 0
                        states[k] = local
                        counts[k] = written
                        // This run is parsed: a mapped file's pages of it go back to the system (a national file is
                        // gigabytes; they are mapped in again from the page cache if the file is read again or hashed).
                        text.bytes.releasePages(in: range)
                    }
                    }
                }
            }
            // Close the gaps left by rejected and blank lines, then look for repeats in file order.
            var packed = 0
            for k in counts.indices {
                columns.move(offsets[k]..<(offsets[k] + counts[k]), to: packed)
                packed += counts[k]
            }
            if let marks {
                guard !repeats.contains(where: { $0 != 0 }), !marks.overlap() else { return nil }
            } else {
                var seen = keySet(lookup)
                guard seen.insertAll(columns, count: packed, tasks: tasks) else { return nil }
            }
            return packed
        }
        guard complete else { return nil }
        for local in states { state.absorb(local) }
        return table
    }
}

extension AssessmentReader.Chunking {
    /// The text cut into runs of lines for the threads; nil when it is read on one thread (one processor, a small
    /// file, a quote or only blank lines). It needs only the bytes, so the loader cuts the file while it parses others.
    func cut(_ text: TextFile) -> LineChunks? {
        let tasks = ParallelTasks(threads: threads)
        let whole = text.contentStart..<text.bytes.count
        guard tasks.threads > 1, whole.count >= minimumBytes else { return nil }
        return text.bytes.withUnsafeBufferPointer {
            LineChunks($0, range: whole, count: tasks.threads * chunksPerThread, tasks: tasks, census: text.census)
        }
    }
}

/// The four columns of an assessment table being filled in place by several threads.
struct AssessmentColumns {
    let facility: UnsafeMutablePointer<Int32>
    let expert: UnsafeMutablePointer<Int32>
    let indicator: UnsafeMutablePointer<Int32>
    let value: UnsafeMutablePointer<Double>

    /// Fills `table` with the rows `body` writes (it returns how many, or nil to give up); false when it gave up.
    static func make(capacity: Int, into table: inout AssessmentTable, _ body: (AssessmentColumns) throws -> Int?) rethrows -> Bool {
        var rows: Int?
        var facility: [Int32] = [], expert: [Int32] = [], indicator: [Int32] = []
        let value = try [Double](unsafeUninitializedCapacity: capacity) { v, vCount in
            facility = try [Int32](unsafeUninitializedCapacity: capacity) { f, fCount in
                expert = try [Int32](unsafeUninitializedCapacity: capacity) { e, eCount in
                    indicator = try [Int32](unsafeUninitializedCapacity: capacity) { j, jCount in
                        rows = try body(AssessmentColumns(facility: f.baseAddress!, expert: e.baseAddress!,
                                                          indicator: j.baseAddress!, value: v.baseAddress!))
                        jCount = rows ?? 0
                    }
                    eCount = rows ?? 0
                }
                fCount = rows ?? 0
            }
            vCount = rows ?? 0
        }
        guard rows != nil else { return false }
        table = AssessmentTable(facility: facility, expert: expert, indicator: indicator, value: value)
        return true
    }

    @inline(__always)
    func set(_ index: Int, _ row: AssessmentRow) {
        facility[index] = Int32(row.facility)
        expert[index] = Int32(row.expert)
        indicator[index] = Int32(row.indicator)
        value[index] = row.value
    }

    /// Moves rows `range` down to start at `target` (target ≤ range.lowerBound).
    func move(_ range: Range<Int>, to target: Int) {
        guard target != range.lowerBound, !range.isEmpty else { return }
        memmove(facility + target, facility + range.lowerBound, range.count * MemoryLayout<Int32>.stride)
        memmove(expert + target, expert + range.lowerBound, range.count * MemoryLayout<Int32>.stride)
        memmove(indicator + target, indicator + range.lowerBound, range.count * MemoryLayout<Int32>.stride)
        memmove(value + target, value + range.lowerBound, range.count * MemoryLayout<Double>.stride)
    }
}
