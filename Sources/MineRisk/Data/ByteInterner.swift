import Foundation

/// Finds the index of an id from its UTF-8 bytes without making a String: the readers look up millions
/// of facility, expert and indicator ids this way (open addressing on an FNV-1a hash, keys compared bytewise).
struct ByteInterner {
    private var keys: [UInt8] = []
    private var keyRanges: [Range<Int>] = []
    /// Slot → key index + 1 (0 = empty).
    private var slots: [Int32]
    private let mask: Int

    /// Interns `ids` in order; a repeated id keeps its first index.
    init(_ ids: [String]) {
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for id in ids {
            let start = keys.count
            keys.append(contentsOf: id.utf8)
            let range = start..<keys.count
            let found = keys.withUnsafeBufferPointer { index(of: UnsafeBufferPointer(rebasing: $0[range])) }
            keyRanges.append(range)
            if found == nil { insert(keyRanges.count - 1) }
        }
        // Thirty-two bytes after the last key, so that `matches` can load any short key a word at a time.
        keys.append(contentsOf: repeatElement(0, count: 32))
    }

    /// The index of the id whose bytes these are (spaces and tabs around it ignored, as `CSVRecord.string` does).
    func index(of field: UnsafeBufferPointer<UInt8>) -> Int? {
        var lower = 0, upper = field.count
        while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
        while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
        let text = UnsafeBufferPointer(rebasing: field[lower..<upper])
        var slot = Self.hash(text) & mask
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                let range = keyRanges[entry - 1]
                if range.count == text.count,
                   text.isEmpty || memcmp(keys.baseAddress! + range.lowerBound, text.baseAddress!, text.count) == 0 {
                    return entry - 1
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// True when the bytes are exactly the id at `index`, untrimmed: a cheap check of a guessed index.
    /// `limit` is the end of the buffer the field is in (short ids are then compared a word at a time).
    @inline(__always)
    func matches(_ field: UnsafeBufferPointer<UInt8>, _ index: Int, before limit: UnsafePointer<UInt8>) -> Bool {
        let range = keyRanges[index]
        guard range.count == field.count else { return false }
        return field.isEmpty || keys.withUnsafeBufferPointer { keys in
            sameBytes(field, UnsafeBufferPointer(rebasing: keys[range]), before: limit, keys.baseAddress! + keys.count)
        }
    }

    /// The number of distinct ids.
    var count: Int { keyRanges.count }

    /// The length in bytes of the id at `index`.
    @inline(__always)
    func length(_ index: Int) -> Int { keyRanges[index].count }

    private mutating func insert(_ key: Int) {
        let range = keyRanges[key]
        var slot = keys.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[range])) } & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(key + 1)
    }

    /// A multiply-xorshift hash taking eight bytes at a time.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h &>> 32
            i += 8
        }
        var tail: UInt64 = 0
        while i < bytes.count {
            tail = tail &<< 8 | UInt64(bytes[i])
            i += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h ^ (h &>> 29))
    }
}
