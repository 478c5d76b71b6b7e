import Foundation

/// What one pass over a large text finds, part by part: its line feeds, and whether it has a carriage return, a
/// quote or a byte outside ASCII. The parts are even shares of the bytes, scanned side by side.
///
/// `TextFile` takes it for its encoding check (a text with no byte outside ASCII is valid UTF-8), and the chunked
/// CSV reader for its cut (`LineChunks`): the bytes are read once for both.
struct ByteCensus: Sendable {
    struct Part: Sendable {
        var range: Range<Int>
        var lineFeeds = 0
        var hasCarriageReturn = false
        var hasQuote = false
        var hasNonASCII = false

        /// An empty part, before it is scanned.
        init(range: Range<Int>) { self.range = range }

        /// Counts and notes the bytes of `range`, sixteen at a time.
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            self.range = range
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            let lineFeed = SIMD16<UInt8>(repeating: 0x0A), carriageReturn = SIMD16<UInt8>(repeating: 0x0D)
            let quote = SIMD16<UInt8>(repeating: 0x22), one = SIMD16<UInt8>(repeating: 1)
            var returns = SIMD16<UInt8>(repeating: 0), quotes = SIMD16<UInt8>(repeating: 0), high = SIMD16<UInt8>(repeating: 0)
            var i = range.lowerBound
            // Line feeds summed lane by lane (at most 255 blocks, so no lane overflows); the rest only noted.
            while i + 16 <= range.upperBound {
                var lanes = SIMD16<UInt8>(repeating: 0)
                var blocks = 0
                while blocks < 255, i + 16 <= range.upperBound {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    lanes &+= one.replacing(with: 0, where: v .!= lineFeed)
                    returns |= one.replacing(with: 0, where: v .!= carriageReturn)
                    quotes |= one.replacing(with: 0, where: v .!= quote)
                    high |= v
                    i += 16
                    blocks += 1
                }
                lineFeeds += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
            }
            hasCarriageReturn = returns != SIMD16(repeating: 0)
            hasQuote = quotes != SIMD16(repeating: 0)
            hasNonASCII = high.max() >= 0x80
            while i < range.upperBound {
                let byte = bytes[i]
                lineFeeds += byte == 0x0A ? 1 : 0
                hasCarriageReturn = hasCarriageReturn || byte == 0x0D
                hasQuote = hasQuote || byte == 0x22
                hasNonASCII = hasNonASCII || byte >= 0x80
                i += 1
            }
        }
    }

    let parts: [Part]

    /// Parts of the text: enough for every thread's runs of lines to start at the start of one.
    static let partCount = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>, parts count: Int = ByteCensus.partCount, tasks: ParallelTasks = ParallelTasks(threads: nil)) {
        let count = max(1, min(count, bytes.count))
        var parts = [Part](repeating: Part(range: 0..<0), count: count)
        parts.withUnsafeMutableBufferPointer { out in
            try? tasks.run(count) { k in out[k] = Part(bytes, (bytes.count * k / count)..<(bytes.count * (k + 1) / count)) }
        }
        self.parts = parts
    }

    var isASCII: Bool { !parts.contains(where: \.hasNonASCII) }
    var hasCarriageReturn: Bool { parts.contains(where: \.hasCarriageReturn) }
    var hasQuote: Bool { parts.contains(where: \.hasQuote) }

    /// The line feeds before offset `x`: the parts wholly before it from the census, the rest counted (a short way
    /// when `x` is just past a part's start).
    func lineFeeds(before x: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for part in parts {
            if part.range.upperBound <= x {
                count += part.lineFeeds
            } else {
                for i in part.range.lowerBound..<max(part.range.lowerBound, x) where bytes[i] == 0x0A { count += 1 }
                break
            }
        }
        return count
    }
}
