import Foundation

/// A CSV text without quotes cut into runs of whole lines, each starting on a known line, so that threads
/// can parse it side by side: when no field is quoted, every line break ends a record.
struct LineChunks {
    /// The first non-blank line (the header), as byte offsets into the text, and its line number.
    let header: Range<Int>
    let headerLine: Int
    /// The runs after the header, in file order, with the line each starts on and the most records it can hold.
    let ranges: [Range<Int>]
    let firstLines: [Int]
    let capacities: [Int]

    /// Per run: true when it has a carriage return not followed by a line feed, a line break the fast path
    /// does not split on (the general reader then reads that run).
    let loneCarriageReturns: [Bool]

    /// Cuts `range` of `bytes` into about `count` runs; nil when the text has a quote or only blank lines.
    /// Line breaks are counted as `CSVReader` counts them: LF, CR LF and a lone CR each end one line.
    /// With the text's census (all of `bytes`, no carriage return), the runs start where its parts do and their
    /// lines are counted from it; otherwise the runs are scanned here.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, count: Int, tasks: ParallelTasks, census: ByteCensus? = nil) {
        guard let base = bytes.baseAddress else { return nil }
        let end = range.upperBound
        var i = range.lowerBound, line = 1
        while i < end, bytes[i] == 0x0A || bytes[i] == 0x0D { // blank lines before the header
            i += bytes[i] == 0x0D && i + 1 < end && bytes[i + 1] == 0x0A ? 2 : 1
            line += 1
        }
        guard i < end else { return nil }
        var headerEnd = i
        while headerEnd < end, bytes[headerEnd] != 0x0A, bytes[headerEnd] != 0x0D { headerEnd += 1 }
        guard memchr(base + i, 0x22, headerEnd - i) == nil else { return nil }
        header = i..<headerEnd
        headerLine = line
        var dataStart = headerEnd
        if dataStart < end, bytes[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < end, bytes[dataStart] == 0x0A { dataStart += 1 }

        // A census of these bytes (no carriage return: every line ends with a line feed) counts the lines.
        let census = census.flatMap { $0.parts.last?.range.upperBound == bytes.count && !$0.hasCarriageReturn ? $0 : nil }
        if let census, census.hasQuote { return nil }
        let parts = census?.parts.count ?? 0
        // Cut after the first LF at or past each even share of the bytes (or the census part nearest it).
        var ranges: [Range<Int>] = []
        var start = dataStart
        for k in 1...max(1, count) where start < end {
            var cut = end
            if k < count {
                let share = census.map { $0.parts[min(parts - 1, k * parts / count)].range.lowerBound }
                    ?? dataStart + (end - dataStart) * k / count
                let target = max(start, share)
                if let lf = memchr(base + target, 0x0A, end - target) { cut = base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1 }
            }
            ranges.append(start..<cut)
            start = cut
        }
        self.ranges = ranges
        if let census {
            var firstLines: [Int] = []
            var capacities: [Int] = []
            var feeds = census.lineFeeds(before: dataStart, in: bytes), next = line + 1
            for (k, run) in ranges.enumerated() {
                let after = census.lineFeeds(before: run.upperBound, in: bytes)
                firstLines.append(next)
                next += after - feeds
                // A run other than the last ends with a line break, so each of its records ends with one.
                capacities.append(after - feeds + (k == ranges.count - 1 ? 1 : 0))
                feeds = after
            }
            self.firstLines = firstLines
            self.capacities = capacities
            loneCarriageReturns = [Bool](repeating: false, count: ranges.count)
            return
        }
        // The runs are scanned side by side; a quote in any of them and the text does not qualify.
        var scans = [RunScan](repeating: RunScan(), count: ranges.count)
        scans.withUnsafeMutableBufferPointer { out in
            try? tasks.run(ranges.count) { k in out[k] = RunScan(bytes, ranges[k]) }
        }
        guard !scans.contains(where: \.hasQuote) else { return nil }
        var firstLines: [Int] = []
        var next = line + 1
        for scan in scans {
            firstLines.append(next)
            next += scan.lineBreaks
        }
        self.firstLines = firstLines
        loneCarriageReturns = scans.map(\.hasLoneCarriageReturn)
        // A run other than the last ends with a line break, so each of its records ends with one.
        capacities = scans.indices.map { scans[$0].lineBreaks + ($0 == scans.count - 1 ? 1 : 0) }
    }
}

/// What one pass over a run of bytes finds: its line breaks (LF, CR LF and a lone CR count one each), whether it
/// has a quote, and whether it has a lone CR.
private struct RunScan {
    var lineBreaks = 0
    var hasQuote = false
    var hasLoneCarriageReturn = false

    init() {}

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let scan = ByteCensus.Part(bytes, range)
        lineBreaks = scan.lineFeeds
        hasQuote = scan.hasQuote
        guard scan.hasCarriageReturn else { return }
        // Carriage returns: each one not followed by a line feed is a line break of its own.
        for i in range where bytes[i] == 0x0D {
            if i + 1 < range.upperBound, bytes[i + 1] == 0x0A { continue }
            lineBreaks += 1
            hasLoneCarriageReturn = true
        }
    }
}
