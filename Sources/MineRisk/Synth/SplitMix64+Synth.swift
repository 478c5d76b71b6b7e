/// Draws the data generators need, built only on `next()`, `nextUnit()`, `nextInt(below:)` and
/// `nextNormal()`, so that a seed gives the same data on every platform and Swift version
/// (the standard library's `random(in:using:)` does not promise a stable algorithm).
extension SplitMix64 {
    /// A generator for one item of a stream, independent of how many draws other items took.
    /// - Parameters:
    ///   - seed: the run's seed.
    ///   - stream: what is drawn (a small tag, e.g. a year).
    ///   - item: which item of the stream (e.g. a facility's index).
    public init(seed: UInt64, stream: UInt64, item: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        let base = mixer.next()
        self.init(seed: base ^ (item &* 0x9E37_79B9_7F4A_7C15))
        _ = next()
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// A uniform double in [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * nextUnit() }

    /// A uniform integer in the closed range a...b.
    public mutating func integer(_ a: Int, _ b: Int) -> Int { a + nextInt(below: b - a + 1) }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[nextInt(below: items.count)] }

    /// An index drawn with probability proportional to its weight.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = nextUnit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// Shuffles in place (Fisher–Yates, from the last position down).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, nextInt(below: i + 1))
        }
    }

    /// A shuffled copy.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        shuffle(&copy)
        return copy
    }

    /// `count` distinct elements, in drawn order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffled(items).prefix(count))
    }
}
