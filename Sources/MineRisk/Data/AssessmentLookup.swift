import Foundation

/// What the assessment reader's fast path looks up per row, prepared once: interned ids, each
/// facility's kind, and each indicator's kind, position, range and scale.
struct AssessmentLookup {
    /// The facility index's own bytes (`FacilityIDs`: a non-ASCII id in NFC), not interned a second time.
    let facilities: ByteInterner
    let experts: ByteInterner
    let indicators: ByteInterner
    let expertCount: Int
    /// Whether each facility's id is one the fast path may guess: no comma, line feed or carriage return in it (a
    /// quoted id in facilities.csv may have them, and would not be one field here). Experts and indicators are only
    /// guessed once found from a field, so theirs have none.
    let plainFacility: [Bool]
    /// Each facility's and each indicator's kind as its place in `FacilityKind.allCases`.
    let facilityKindCode: [Int]
    let indicatorKindCode: [Int]
    /// Position of the indicator in its model.
    let indicatorPosition: [Int]
    let lowest: [Double]
    let highest: [Double]
    let isLevel: [Bool]
    let maximumIndicators: Int

    init(_ context: RowContext) {
        facilities = context.facilityIndex.bytes
        facilityKindCode = context.facilities.map { FacilityKind.allCases.firstIndex(of: $0.kind)! }
        let expertIDs = context.expertIndex.sorted { $0.value < $1.value }.map(\.key)
        experts = ByteInterner(expertIDs)
        plainFacility = context.facilities.map { !$0.id.utf8.contains { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D } }
        expertCount = expertIDs.count
        let entries = context.models.indicatorIndex.sorted { $0.key < $1.key }
        indicators = ByteInterner(entries.map(\.key))
        indicatorKindCode = entries.map { FacilityKind.allCases.firstIndex(of: $0.value.kind)! }
        indicatorPosition = entries.map(\.value.index)
        let described = entries.map { context.models[$0.value.kind]!.model.indicators[$0.value.index] }
        lowest = described.map { $0.range?.count == 2 ? $0.range![0] : -.infinity }
        highest = described.map { $0.range?.count == 2 ? $0.range![1] : .infinity }
        isLevel = described.map { $0.scale == .level }
        maximumIndicators = context.models.models.values.map(\.model.indicators.count).max() ?? 0
    }

    /// True when the value is inside the indicator's range, and a grade vote 1…4 for a level indicator.
    @inline(__always)
    func accepts(_ value: Double, indicator i: Int) -> Bool {
        guard value >= lowest[i], value <= highest[i] else { return false }
        // A whole number 1…4 (compared through Int, which inside 1…4 is exact, rather than a call to round).
        return !isLevel[i] || (value >= 1 && value <= 4 && Double(Int(value)) == value)
    }
}

/// The (facility, expert, indicator) triples seen so far: a bit per triple when that fits in 128 MiB,
/// else a hash set.
struct AssessmentKeySet {
    private let experts: Int
    private let indicators: Int
    private var bits: [UInt64]
    private var set: Set<UInt64>?

    init(facilities: Int, experts: Int, indicators: Int) {
        self.experts = experts
        self.indicators = max(1, indicators)
        if let words = Self.words(facilities: facilities, experts: experts, indicators: indicators) {
            bits = [UInt64](repeating: 0, count: words)
        } else {
            bits = []
            set = []
        }
    }

    /// The words of the bitmap of every triple, nil when it would take more than 128 MiB.
    private static func words(facilities: Int, experts: Int, indicators: Int) -> Int? {
        let count = facilities * max(1, experts) * max(1, indicators)
        return count <= 1 << 30 ? (count + 63) / 64 : nil
    }

    /// Adds the triples of rows 0..<count of the columns; false as soon as one was already there.
    ///
    /// With bits and more than one thread, each thread marks its share of the rows in bits of its own (a repeat
    /// inside a share is found there); then the shares' bits are joined, and a bit set in two of them is a repeat
    /// across shares.
    mutating func insertAll(_ columns: AssessmentColumns, count: Int, tasks: ParallelTasks) -> Bool {
        guard set == nil else {
            for row in 0..<count where !insert(facility: Int(columns.facility[row]), expert: Int(columns.expert[row]),
                                               indicator: Int(columns.indicator[row])) { return false }
            return true
        }
        let experts = experts, indicators = indicators
        func mark(_ rows: Range<Int>, _ bits: UnsafeMutableBufferPointer<UInt64>) -> Bool {
            for row in rows {
                let index = (Int(columns.facility[row]) * experts + Int(columns.expert[row])) * indicators + Int(columns.indicator[row])
                let word = index >> 6, mask: UInt64 = 1 << UInt64(index & 63)
                if bits[word] & mask != 0 { return false }
                bits[word] |= mask
            }
            return true
        }
        let shares = count >= 1 << 20 ? tasks.threads : 1
        guard shares > 1 else { return bits.withUnsafeMutableBufferPointer { mark(0..<count, $0) } }
        let words = bits.count
        var own = [[UInt64]](repeating: [], count: shares)
        var unique = [Bool](repeating: true, count: shares)
        own.withUnsafeMutableBufferPointer { own in
            unique.withUnsafeMutableBufferPointer { unique in
                try? tasks.run(shares) { k in
                    var bits = [UInt64](repeating: 0, count: words)
                    unique[k] = bits.withUnsafeMutableBufferPointer { mark((count * k / shares)..<(count * (k + 1) / shares), $0) }
                    own[k] = bits
                }
            }
        }
        guard !unique.contains(false) else { return false }
        return bits.withUnsafeMutableBufferPointer { bits in
            for share in own {
                let repeated = share.withUnsafeBufferPointer { share in
                    var overlap: UInt64 = 0
                    for w in 0..<words {
                        overlap |= bits[w] & share[w]
                        bits[w] |= share[w]
                    }
                    return overlap != 0
                }
                if repeated { return false }
            }
            return true
        }
    }

    /// Bitmaps of the triples, one per worker, for readers that mark their rows as they write them; nil when the
    /// triples take a hash set (`insertAll` then looks for repeats after the rows are read).
    static func workerMarks(facilities: Int, experts: Int, indicators: Int, workers: Int) -> KeyMarks.Bitmaps? {
        guard let words = words(facilities: facilities, experts: experts, indicators: indicators) else { return nil }
        return KeyMarks.Bitmaps(workers: workers, words: words, experts: experts, indicators: max(1, indicators))
    }

    /// Adds a triple; false when it was already there.
    mutating func insert(facility f: Int, expert e: Int, indicator j: Int) -> Bool {
        if set != nil {
            let key = UInt64(UInt32(f)) << 32 | UInt64(UInt16(truncatingIfNeeded: e)) << 16 | UInt64(UInt16(j))
            return set!.insert(key).inserted
        }
        let index = (f * experts + e) * indicators + j
        let word = index >> 6, mask: UInt64 = 1 << UInt64(index & 63)
        if bits[word] & mask != 0 { return false }
        bits[word] |= mask
        return true
    }
}

/// One worker's bitmap of (facility, expert, indicator) triples, numbered as in `AssessmentKeySet`, marked as the
/// worker writes its rows: a row marked twice by one worker is a repeat, and so is a triple marked by two workers
/// (`Bitmaps.overlap`). Either way the file goes to the sequential reader, which names the repeat at its line.
struct KeyMarks {
    let bits: UnsafeMutablePointer<UInt64>
    let experts: Int
    let indicators: Int
    /// The bits of the marks that were already set, or-ed together: nonzero once a row repeated one of this worker's.
    var repeats: UInt64 = 0

    /// The first bit of a facility's and an expert's triples: the indicator's place in its model is added to it.
    @inline(__always)
    func base(facility f: Int, expert e: Int) -> Int { (f * experts + e) * indicators }

    /// Marks the triple whose number is `index`.
    @inline(__always)
    mutating func mark(_ index: Int) { Self.mark(index, in: bits, repeats: &repeats) }

    /// Sets bit `index` of `bits`, or-ing into `repeats` what it was.
    @inline(__always)
    static func mark(_ index: Int, in bits: UnsafeMutablePointer<UInt64>, repeats: inout UInt64) {
        let word = index >> 6, mask: UInt64 = 1 << UInt64(index & 63)
        repeats |= bits[word] & mask
        bits[word] |= mask
    }

    @inline(__always)
    mutating func mark(facility f: Int, expert e: Int, indicator j: Int) {
        mark(base(facility: f, expert: e) + j)
    }

    /// The workers' bitmaps: zeroed memory the system gives page by page as it is first written.
    final class Bitmaps: @unchecked Sendable {
        private let storage: [UnsafeMutablePointer<UInt64>]
        private let words: Int
        private let experts: Int, indicators: Int

        init(workers: Int, words: Int, experts: Int, indicators: Int) {
            self.words = words
            self.experts = experts
            self.indicators = indicators
            storage = (0..<workers).map { _ in calloc(max(1, words), MemoryLayout<UInt64>.stride)!.assumingMemoryBound(to: UInt64.self) }
        }

        deinit { for bits in storage { free(bits) } }

        /// Worker `worker`'s marks, with nothing repeated yet.
        func marks(_ worker: Int) -> KeyMarks { KeyMarks(bits: storage[worker], experts: experts, indicators: indicators) }

        /// True when a triple is marked in two of the bitmaps (which are or-ed into the first as they are compared).
        func overlap() -> Bool {
            let first = storage[0]
            var overlap: UInt64 = 0
            for other in storage.dropFirst() {
                for w in 0..<words {
                    overlap |= first[w] & other[w]
                    first[w] |= other[w]
                }
            }
            return overlap != 0
        }
    }
}
