/// What the assessment reader's fast path looks up per row, prepared once: interned ids, each
/// facility's kind, and each indicator's kind, position, range and scale.
struct AssessmentLookup {
    let facilities: ByteInterner
    let experts: ByteInterner
    let indicators: ByteInterner
    let expertCount: Int
    let facilityKind: [FacilityKind]
    let indicatorKind: [FacilityKind]
    /// Position of the indicator in its model.
    let indicatorPosition: [Int]
    let lowest: [Double]
    let highest: [Double]
    let isLevel: [Bool]
    let maximumIndicators: Int

    init(_ context: RowContext) {
        facilities = ByteInterner(context.facilities.map(\.id))
        facilityKind = context.facilities.map(\.kind)
        let expertIDs = context.expertIndex.sorted { $0.value < $1.value }.map(\.key)
        experts = ByteInterner(expertIDs)
        expertCount = expertIDs.count
        let entries = context.models.indicatorIndex.sorted { $0.key < $1.key }
        indicators = ByteInterner(entries.map(\.key))
        indicatorKind = entries.map(\.value.kind)
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
        return !isLevel[i] || (value == value.rounded() && value >= 1 && value <= 4)
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
        let count = facilities * max(1, experts) * self.indicators
        if count <= 1 << 30 {
            bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        } else {
            bits = []
            set = []
        }
    }

    /// Adds the triples of rows 0..<count of the columns; false as soon as one was already there.
    mutating func insertAll(_ columns: AssessmentColumns, count: Int) -> Bool {
        guard set == nil else {
            for row in 0..<count where !insert(facility: Int(columns.facility[row]), expert: Int(columns.expert[row]),
                                               indicator: Int(columns.indicator[row])) { return false }
            return true
        }
        let experts = experts, indicators = indicators
        return bits.withUnsafeMutableBufferPointer { bits in
            for row in 0..<count {
                let index = (Int(columns.facility[row]) * experts + Int(columns.expert[row])) * indicators + Int(columns.indicator[row])
                let word = index >> 6, mask: UInt64 = 1 << UInt64(index & 63)
                if bits[word] & mask != 0 { return false }
                bits[word] |= mask
            }
            return true
        }
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
