import Foundation

/// The fast path of the parallel assessment reader, for one run of lines without quotes.
///
/// A line is split on its commas and accepted from its bytes when it is plainly valid: four fields, known
/// ids of matching kinds, a number the indicator accepts. Rows come grouped by facility and expert, with
/// the indicators in the same order each time and the facilities in the order of facilities.csv, so before
/// any hash lookup the fast path tries the previous row's facility or the next one of facilities.csv, the
/// previous row's expert or the one that followed it last time, and the indicator that followed the
/// previous one last time in a facility of this kind (or one or two further on, for an expert who left one
/// out). Every other line goes to `otherwise`, the general reader, which accepts it or names its problem
/// exactly as it would have: the fast path only ever accepts a row the general reader accepts, with the same
/// indices and value.
struct AssessmentLines {
    let lookup: AssessmentLookup
    /// Positions of facility_id, expert_id, indicator_id and value in a header of exactly these four.
    private let columns: (facility: Int, expert: Int, indicator: Int, value: Int)
    /// True when the columns are facility_id, expert_id, indicator_id, value in that order (the predicted path).
    private let inFileOrder: Bool
    private var facility: (bytes: UnsafeBufferPointer<UInt8>, index: Int) = (UnsafeBufferPointer(start: nil, count: 0), -1)
    private var expert: (bytes: UnsafeBufferPointer<UInt8>, index: Int) = (UnsafeBufferPointer(start: nil, count: 0), -1)
    private var indicator = -1
    /// The indicator that followed each indicator the last time it was seen, in a facility of each kind:
    /// `following[kind * indicators + indicator]` (−1: none yet).
    private var following: [Int]
    /// The expert that followed each expert the last time (−1: none yet).
    private var followingExpert: [Int]
    /// Where the last row accepted starts and how long its facility and expert are, with both commas: a line that
    /// starts with the same bytes is in the same block of rows (`block`). Length 0: no such row.
    private var blockStart = 0, blockLength = 0
    /// Each indicator's id and the comma after it, as four little-endian words with the rest zero, the masks of its
    /// bytes and their count (`indicatorWords[16 * indicator ..< 16 * indicator + 9]`); an id of more than 31
    /// bytes, or with a comma, line break or quote, has masks of zero and is never taken by `block`.
    private let indicatorWords: [UInt64]
    /// Where the rows this reader writes are marked, when the caller looks for repeats that way (`KeyMarks`); the
    /// rows `otherwise` writes are the caller's to mark.
    var keys: KeyMarks?

    /// Nil unless the header has exactly the four assessment columns.
    init?(header: CSVHeader, lookup: AssessmentLookup) {
        guard header.names.count == 4, let f = header.column("facility_id"), let e = header.column("expert_id"),
              let i = header.column("indicator_id"), let v = header.column("value") else { return nil }
        self.lookup = lookup
        columns = (f, e, i, v)
        inFileOrder = (f, e, i, v) == (0, 1, 2, 3)
        following = [Int](repeating: -1, count: FacilityKind.allCases.count * lookup.indicatorKindCode.count)
        followingExpert = [Int](repeating: -1, count: lookup.experts.count)
        var words = [UInt64](repeating: 0, count: 16 * lookup.indicators.count)
        for j in 0..<lookup.indicators.count {
            let id = Array(lookup.indicators.bytes(j)) + [0x2C]
            guard id.count <= 32, !id.dropLast().contains(where: { [0x2C, 0x0A, 0x0D, 0x22].contains($0) }) else { continue }
            for (k, byte) in id.enumerated() {
                words[16 * j + k / 8] |= UInt64(byte) << UInt64(8 * (k % 8))
                words[16 * j + 4 + k / 8] |= 0xFF << UInt64(8 * (k % 8))
            }
            words[16 * j + 8] = UInt64(id.count)
        }
        indicatorWords = words
    }

    /// Reads the lines of `range` (whole lines, the first on line `firstLine`, no quote, no lone CR) into
    /// `columns` from row `first` on. A row the fast path accepts is written there; for any other line,
    /// `otherwise` gets its byte range, its line and the row it may write to, and says how many it wrote.
    /// Returns the rows written.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int,
                       into columns: AssessmentColumns, at first: Int,
                       otherwise: (Range<Int>, Int, Int) throws -> Int) rethrows -> Int {
        let base = bytes.baseAddress!
        let raw = UnsafeRawPointer(base)
        let end = range.upperBound
        let limit = base + bytes.count
        var i = range.lowerBound, line = firstLine
        var written = first
        // Loads of up to 72 bytes from a line start before this stay inside the buffer.
        let safeEnd = bytes.count - 72
        while i < end {
            if blockLength > 0, i <= safeEnd {
                let (rows, after) = block(raw, i, end, safeEnd, columns, written)
                written += rows
                line += rows
                i = after
                if i >= end { break }
            }
            if let (row, after) = predicted(base, i, end, limit) {
                columns.set(written, row)
                keys?.mark(facility: row.facility, expert: row.expert, indicator: row.indicator)
                written += 1
                line += 1
                blockStart = i
                blockLength = facility.bytes.count + expert.bytes.count + 2
                i = after
                continue
            }
            blockLength = 0
            // The line's commas (the first three) and its line feed, eight bytes at a time.
            var cut = (i, i, i), commas = 0
            @inline(__always) func comma(_ at: Int) {
                switch commas {
                case 0: cut.0 = at
                case 1: cut.1 = at
                case 2: cut.2 = at
                default: break
                }
                commas += 1
            }
            var p = i, next = end
            while p + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                var found = Self.matches(word, 0x2C)
                let feeds = Self.matches(word, 0x0A)
                if feeds != 0 { found &= (feeds & (0 &- feeds)) &- 1 } // only the commas before the line feed
                while found != 0 {
                    comma(p + found.trailingZeroBitCount >> 3)
                    found &= found &- 1
                }
                if feeds != 0 {
                    next = p + feeds.trailingZeroBitCount >> 3
                    break
                }
                p += 8
            }
            if next == end {
                while p < end, base[p] != 0x0A {
                    if base[p] == 0x2C { comma(p) }
                    p += 1
                }
                next = p
            }
            let after = min(next + 1, end)
            var stop = next
            if stop > i, base[stop - 1] == 0x0D { stop -= 1 }
            if stop > i, commas == 3, let row = row(base, i, cut, stop, limit) {
                columns.set(written, row)
                keys?.mark(facility: row.facility, expert: row.expert, indicator: row.indicator)
                written += 1
                if inFileOrder { (blockStart, blockLength) = (i, cut.1 + 1 - i) }
            } else if stop > i {
                written += try otherwise(i..<after, line, written)
            } // else a blank line, skipped as the general reader skips it
            line += 1
            i = after
        }
        return written - first
    }

    /// The rows of the lines from `start` on that continue the block of the last row accepted: each starts with
    /// the same facility and expert bytes (both commas included) as that row, then has the indicator that followed
    /// the previous one last time (or one or two further along, as in `predicted`) and a comma, then a value of up
    /// to seven bytes (`simpleValue`) the indicator accepts and a line feed. Stops at the first other line, or at one
    /// that starts after `safeEnd`; returns the rows written and where the line after them starts.
    ///
    /// The longer ways would read each such line as this row: its facility and expert fields are the bytes of the
    /// row it continues, its indicator field exactly the id guessed (no id with a comma, line break or quote is
    /// taken here), and its value field one that `parseFiniteDouble` reads as the same number.
    @inline(__always)
    private mutating func block(_ raw: UnsafeRawPointer, _ start: Int, _ end: Int, _ safeEnd: Int,
                                _ columns: AssessmentColumns, _ first: Int) -> (Int, Int) {
        guard blockLength <= 16 else { return (0, start) }
        // The block's first 16 bytes, and the masks of its facility and expert in them.
        let mask0: UInt64 = blockLength >= 8 ? ~0 : (1 << UInt64(8 * blockLength)) &- 1
        let mask1: UInt64 = blockLength >= 16 ? ~0 : blockLength <= 8 ? 0 : (1 << UInt64(8 * (blockLength - 8))) &- 1
        let prefix0 = raw.loadUnaligned(fromByteOffset: blockStart, as: UInt64.self) & mask0
        let prefix1 = raw.loadUnaligned(fromByteOffset: blockStart + 8, as: UInt64.self) & mask1
        let f = Int32(facility.index), e = Int32(expert.index)
        let kind = lookup.facilityKindCode[facility.index]
        let row = kind * lookup.indicatorKindCode.count
        var j = indicator, p = start, written = first
        // The rows' triples are marked (when asked) from the block's first bit, each as its indicator's place.
        let marks = keys?.bits, markBase = keys?.base(facility: facility.index, expert: expert.index) ?? 0
        var repeats: UInt64 = 0
        lookup.indicatorKindCode.withUnsafeBufferPointer { kinds in
        lookup.indicatorPosition.withUnsafeBufferPointer { positions in
        following.withUnsafeBufferPointer { following in
        indicatorWords.withUnsafeBufferPointer { words in
            while p <= safeEnd {
                guard raw.loadUnaligned(fromByteOffset: p, as: UInt64.self) & mask0 == prefix0,
                      raw.loadUnaligned(fromByteOffset: p + 8, as: UInt64.self) & mask1 == prefix1 else { break }
                // The indicator that followed the previous one last time, or (an expert left one or two out) the one
                // after it, or the one after that.
                let q = p + blockLength
                let field = (raw.loadUnaligned(fromByteOffset: q, as: UInt64.self), raw.loadUnaligned(fromByteOffset: q &+ 8, as: UInt64.self),
                             raw.loadUnaligned(fromByteOffset: q &+ 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: q &+ 24, as: UInt64.self))
                var guess = following[row + j], hops = 0, w = 0
                while true {
                    guard guess >= 0 else { break }
                    w = 16 * guess
                    let difference = ((field.0 & words[w + 4]) ^ words[w]) | ((field.1 & words[w + 5]) ^ words[w + 1])
                        | ((field.2 & words[w + 6]) ^ words[w + 2]) | ((field.3 & words[w + 7]) ^ words[w + 3])
                    if difference == 0, words[w + 4] != 0 { break }
                    hops += 1
                    guess = hops < 3 ? following[row + guess] : -1
                }
                guard guess >= 0, kinds[guess] == kind else { break }
                // The value: the bytes before the first line feed of the next eight.
                let v = q + Int(truncatingIfNeeded: words[w + 8])
                let word = raw.loadUnaligned(fromByteOffset: v, as: UInt64.self)
                let feeds = Self.matches(word, 0x0A)
                let count = feeds.trailingZeroBitCount >> 3
                guard count >= 1, count < 8, v + count < end else { break }
                let x: Double
                let low: UInt64 = (1 << UInt64(8 &* count)) &- 1
                if Self.allDigits(word & low, low) { // a whole number, the commonest value
                    x = Double(Int64(bitPattern: Self.integer(word << UInt64(64 &- 8 &* count))))
                } else {
                    guard let value = Self.simpleValue(word, count) else { break }
                    x = value
                }
                guard lookup.accepts(x, indicator: guess) else { break }
                let position = positions[guess]
                columns.facility[written] = f
                columns.expert[written] = e
                columns.indicator[written] = Int32(truncatingIfNeeded: position)
                columns.value[written] = x
                if let marks { KeyMarks.mark(markBase + position, in: marks, repeats: &repeats) }
                written += 1
                j = guess
                p = v + count + 1
            }
        }
        }
        }
        }
        indicator = j
        keys?.repeats |= repeats
        return (written - first, p)
    }

    /// The value of a field of one to seven bytes, the low `count` bytes of `word`, written as digits with at most one
    /// point between digits, after a minus sign or not; nil for any other field. It is the double `parseFiniteDouble`
    /// gives (its Clinger path: the digits as one exact integer, divided by an exact power of ten, then the sign).
    @inline(__always)
    static func simpleValue(_ word: UInt64, _ count: Int) -> Double? {
        let low: UInt64 = (1 << UInt64(8 * count)) &- 1
        var digits = word & low
        let negative = digits & 0xFF == 0x2D
        if negative { digits ^= 0x2D ^ 0x30 } // the sign read as a leading zero
        let first = negative ? 1 : 0
        let points = matches(digits, 0x2E) & low
        var decimals = 0
        let mantissa: UInt64
        if points == 0 {
            guard count > first, allDigits(digits, low) else { return nil }
            mantissa = integer(digits << UInt64(64 - 8 * count))
        } else {
            let point = points.trailingZeroBitCount >> 3
            guard points & (points &- 1) == 0, point > first, point < count - 1 else { return nil }
            digits ^= UInt64(0x2E ^ 0x30) << UInt64(8 * point)
            guard allDigits(digits, low) else { return nil }
            decimals = count - 1 - point
            let whole = integer(digits << UInt64(64 - 8 * point))
            let fraction = integer((digits >> UInt64(8 * (point + 1))) << UInt64(64 - 8 * decimals))
            mantissa = whole &* powersOfTen[decimals] &+ fraction
        }
        // A whole number needs no division (by 1, which would give the same double).
        var magnitude = Double(Int64(bitPattern: mantissa))
        if decimals > 0 { magnitude /= exactPowersOfTen[decimals] }
        return negative ? -magnitude : magnitude
    }

    /// 10^0 … 10^6 as integers, to join the digits either side of the point.
    private static let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    /// True when each byte of `word` under `mask` is an ASCII digit: its high nibble 3, and still 3 with 6 added.
    @inline(__always)
    private static func allDigits(_ word: UInt64, _ mask: UInt64) -> Bool {
        word & 0xF0F0_F0F0_F0F0_F0F0 | ((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4 == 0x3333_3333_3333_3333 & mask
    }

    /// The integer of eight ASCII digits, the first in the lowest byte (leading zero bytes count as zeros): three
    /// multiplications, each joining pairs of neighbouring groups (Lemire's eight-digit parse, as in simdjson).
    @inline(__always)
    private static func integer(_ word: UInt64) -> UInt64 {
        var x = word & 0x0F0F_0F0F_0F0F_0F0F
        x = (x &* 2561) >> 8
        x = ((x & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return ((x & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
    }

    /// The row of the line at `start` when it is the one the previous lines predict: the same facility or the
    /// next one of facilities.csv, the same expert or the one that followed it last time, then the indicator
    /// that followed the previous one last time (or one or two further along), each followed by its comma, then a
    /// value without a comma up to the line feed (CR LF too) that the indicator accepts. Nil for any other line,
    /// which then goes the longer way (`row`); with the returned row comes where the next line starts.
    ///
    /// Only a line the longer way would accept with the same row is accepted here: its first three fields are
    /// byte for byte the ids the longer way would have looked up (guessed ids have no comma or line break, see
    /// `AssessmentLookup.plainFacility`, and are matched untrimmed), and the fourth is the rest of the line, parsed
    /// by the same `parseFiniteDouble`.
    @inline(__always)
    private mutating func predicted(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
                                    _ limit: UnsafePointer<UInt8>) -> (AssessmentRow, Int)? {
        guard inFileOrder, facility.index >= 0, expert.index >= 0, indicator >= 0 else { return nil }
        var p = start
        // The facility: the previous row's, or the next one of facilities.csv.
        var f = facility
        if !(p + f.bytes.count < end && base[p + f.bytes.count] == 0x2C
             && sameBytes(UnsafeBufferPointer(start: base + p, count: f.bytes.count), f.bytes, before: limit, limit)) {
            let next = f.index + 1
            guard next < lookup.facilities.count, lookup.plainFacility[next] else { return nil }
            let n = lookup.facilities.length(next)
            let field = UnsafeBufferPointer(start: base + p, count: n)
            guard p + n < end, base[p + n] == 0x2C, lookup.facilities.matches(field, next, before: limit) else { return nil }
            f = (field, next)
        }
        p += f.bytes.count + 1
        // The expert: the previous row's, or the one that followed it last time.
        var e = expert
        if !(p + e.bytes.count < end && base[p + e.bytes.count] == 0x2C
             && sameBytes(UnsafeBufferPointer(start: base + p, count: e.bytes.count), e.bytes, before: limit, limit)) {
            let next = followingExpert[e.index]
            guard next >= 0 else { return nil }
            let n = lookup.experts.length(next)
            let field = UnsafeBufferPointer(start: base + p, count: n)
            guard p + n < end, base[p + n] == 0x2C, lookup.experts.matches(field, next, before: limit) else { return nil }
            e = (field, next)
        }
        p += e.bytes.count + 1
        // The indicator: the one that followed the previous one last time, or (an expert left one or two out)
        // the one after it, or the one after that.
        let kind = lookup.facilityKindCode[f.index]
        let row = kind * lookup.indicatorKindCode.count
        var guess = following[row + indicator], hops = 0
        while true {
            guard guess >= 0 else { return nil }
            let n = lookup.indicators.length(guess)
            if p + n < end, base[p + n] == 0x2C,
               lookup.indicators.matches(UnsafeBufferPointer(start: base + p, count: n), guess, before: limit) {
                p += n + 1
                break
            }
            hops += 1
            guard hops < 3 else { return nil }
            guess = following[row + guess]
        }
        // The value, up to the line feed; while it is digits only, they are read as they go by.
        let valueStart = p
        var digits: UInt64 = 0, onlyDigits = true
        while p < end {
            let byte = base[p]
            if byte == 0x0A { break }
            guard byte != 0x2C else { return nil }
            let digit = byte &- 0x30
            if digit < 10 { digits = digits &* 10 &+ UInt64(digit) } else { onlyDigits = false }
            p += 1
        }
        let after = min(p + 1, end)
        if p > valueStart, base[p - 1] == 0x0D { p -= 1 }
        guard lookup.indicatorKindCode[guess] == kind else { return nil }
        let x: Double
        if onlyDigits, p > valueStart, p - valueStart <= 15 {
            // An integer of at most 15 digits is exact as a double: what parseFiniteDouble gives for it.
            x = Double(digits)
        } else {
            guard let parsed = parseFiniteDouble(UnsafeBufferPointer(start: base + valueStart, count: p - valueStart)) else { return nil }
            x = parsed
        }
        guard lookup.accepts(x, indicator: guess) else { return nil }
        facility = f
        expert = e
        indicator = guess
        return (AssessmentRow(facility: f.index, expert: e.index, indicator: lookup.indicatorPosition[guess], value: x), after)
    }

    /// A byte equal to `byte` has its high bit set in the result, no other byte does.
    @inline(__always)
    private static func matches(_ word: UInt64, _ byte: UInt64) -> UInt64 {
        let x = word ^ (byte &* 0x0101_0101_0101_0101)
        return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
    }

    /// The row of the four fields cut by three commas on bytes start..<stop when the fast path accepts it, else nil.
    @inline(__always)
    private mutating func row(_ base: UnsafePointer<UInt8>, _ start: Int, _ cut: (Int, Int, Int), _ stop: Int,
                              _ limit: UnsafePointer<UInt8>) -> AssessmentRow? {
        @inline(__always) func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
            switch k {
            case 0: return UnsafeBufferPointer(start: base + start, count: cut.0 - start)
            case 1: return UnsafeBufferPointer(start: base + cut.0 + 1, count: cut.1 - cut.0 - 1)
            case 2: return UnsafeBufferPointer(start: base + cut.1 + 1, count: cut.2 - cut.1 - 1)
            default: return UnsafeBufferPointer(start: base + cut.2 + 1, count: stop - cut.2 - 1)
            }
        }
        let f = field(columns.facility)
        if !sameBytes(f, facility.bytes, before: limit, limit) { facility = (f, lookup.facilities.index(of: f) ?? -1) }
        guard facility.index >= 0 else { return nil }
        let e = field(columns.expert)
        if !sameBytes(e, expert.bytes, before: limit, limit) {
            let previous = expert.index
            expert = (e, lookup.experts.index(of: e) ?? -1)
            if previous >= 0, expert.index >= 0 { followingExpert[previous] = expert.index }
        }
        guard expert.index >= 0 else { return nil }
        let text = field(columns.indicator)
        let kind = lookup.facilityKindCode[facility.index]
        let slot = indicator >= 0 ? kind * lookup.indicatorKindCode.count + indicator : -1
        let guess = slot >= 0 ? following[slot] : -1
        let j: Int
        if guess >= 0, lookup.indicators.matches(text, guess, before: limit) {
            j = guess
        } else {
            guard let found = lookup.indicators.index(of: text) else { return nil }
            if slot >= 0 { following[slot] = found }
            j = found
        }
        indicator = j
        guard lookup.indicatorKindCode[j] == kind,
              let x = parseFiniteDouble(field(columns.value)), lookup.accepts(x, indicator: j) else { return nil }
        return AssessmentRow(facility: facility.index, expert: expert.index, indicator: lookup.indicatorPosition[j], value: x)
    }
}

/// True when two byte strings are equal; strings of up to 32 bytes are compared a word at a time when both can be
/// loaded whole before their limits (`a` before `aLimit`, `b` before `bLimit`), the ends of their buffers.
@inline(__always)
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
               before aLimit: UnsafePointer<UInt8>, _ bLimit: UnsafePointer<UInt8>) -> Bool {
    guard a.count == b.count, let x = a.baseAddress, let y = b.baseAddress else { return false }
    let n = a.count
    if n <= 32, x + 32 <= aLimit, y + 32 <= bLimit {
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var offset = 0, difference: UInt64 = 0
        while offset + 8 <= n {
            difference |= rx.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ ry.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        if offset < n { // the last bytes, the word's low ones (little-endian)
            let low: UInt64 = (1 << UInt64(8 * (n - offset))) &- 1
            difference |= (rx.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ ry.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) & low
        }
        return difference == 0
    }
    return memcmp(x, y, n) == 0
}
