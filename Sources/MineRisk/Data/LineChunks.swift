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

    /// Cuts `range` of `bytes` into about `count` runs; nil when the text has a quote or only blank lines.
    /// Line breaks are counted as `CSVReader` counts them: LF, CR LF and a lone CR each end one line.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, count: Int, tasks: ParallelTasks) {
        guard let base = bytes.baseAddress,
              memchr(base + range.lowerBound, 0x22, range.count) == nil else { return nil }
        let end = range.upperBound
        var i = range.lowerBound, line = 1
        while i < end, bytes[i] == 0x0A || bytes[i] == 0x0D { // blank lines before the header
            i += bytes[i] == 0x0D && i + 1 < end && bytes[i + 1] == 0x0A ? 2 : 1
            line += 1
        }
        guard i < end else { return nil }
        var headerEnd = i
        while headerEnd < end, bytes[headerEnd] != 0x0A, bytes[headerEnd] != 0x0D { headerEnd += 1 }
        header = i..<headerEnd
        headerLine = line
        var dataStart = headerEnd
        if dataStart < end, bytes[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < end, bytes[dataStart] == 0x0A { dataStart += 1 }

        // Cut after the first LF at or past each even share of the bytes.
        var ranges: [Range<Int>] = []
        var start = dataStart
        for k in 1...max(1, count) where start < end {
            var cut = end
            if k < count {
                let target = max(start, dataStart + (end - dataStart) * k / count)
                if let lf = memchr(base + target, 0x0A, end - target) { cut = base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1 }
            }
            ranges.append(start..<cut)
            start = cut
        }
        self.ranges = ranges
        var breaks = [Int](repeating: 0, count: ranges.count)
        breaks.withUnsafeMutableBufferPointer { out in
            try? tasks.run(ranges.count) { k in out[k] = Self.lineBreaks(bytes, ranges[k]) }
        }
        var firstLines: [Int] = []
        var next = line + 1
        for k in ranges.indices {
            firstLines.append(next)
            next += breaks[k]
        }
        self.firstLines = firstLines
        // A run other than the last ends with a line break, so each of its records ends with one.
        capacities = ranges.indices.map { breaks[$0] + ($0 == ranges.count - 1 ? 1 : 0) }
    }

    /// The line breaks in `range`: LF, CR LF and a lone CR count one each.
    private static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        var feeds = 0, returns = 0
        var i = range.lowerBound
        // Eight bytes at a time: a byte equal to b has its high bit set in matches(word, b), no other does.
        @inline(__always) func matches(_ word: UInt64, _ byte: UInt64) -> Int {
            let x = word ^ (byte &* 0x0101_0101_0101_0101)
            let t = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x
            return (~t & 0x8080_8080_8080_8080).nonzeroBitCount
        }
        while i + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            feeds &+= matches(word, 0x0A)
            returns &+= matches(word, 0x0D)
            i += 8
        }
        while i < range.upperBound {
            feeds &+= bytes[i] == 0x0A ? 1 : 0
            returns &+= bytes[i] == 0x0D ? 1 : 0
            i += 1
        }
        guard returns > 0 else { return feeds }
        var pairs = 0
        for i in range where bytes[i] == 0x0D && i + 1 < range.upperBound && bytes[i + 1] == 0x0A { pairs += 1 }
        return feeds + returns - pairs
    }
}
