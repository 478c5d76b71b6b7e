import Foundation

/// Finds the index of an id from its UTF-8 bytes without making a String: the readers look up millions
/// of facility, expert and indicator ids this way (open addressing on an FNV-1a hash, keys compared bytewise).
struct ByteInterner {
    private var keys: [UInt8] = []
    private var keyRanges: [Range<Int>] = []
    /// Slot → key index + 1 (0 = empty).
    private var slots: [Int32]
    private var mask: Int

    /// Interns `ids` in order; a repeated id keeps its first index.
    init(_ ids: [String]) {
        self.init(capacity: ids.count)
        keys.removeLast(Self.padding)
        for id in ids {
            let start = keys.count
            keys.append(contentsOf: id.utf8)
            let range = start..<keys.count
            let found = keys.withUnsafeBufferPointer { index(of: UnsafeBufferPointer(rebasing: $0[range])) }
            keyRanges.append(range)
            if found == nil { insert(keyRanges.count - 1) }
        }
        keys.append(contentsOf: repeatElement(0, count: Self.padding))
    }

    /// No id yet, with room for `capacity` of them before the table grows.
    init(capacity: Int) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount <<= 1 }
        slots = [Int32](repeating: 0, count: slotCount)
        mask = slotCount - 1
        keys = [UInt8](repeating: 0, count: Self.padding)
    }

    /// Bytes after the last key, so that `matches` can load any short key a word at a time.
    private static let padding = 32

    /// Adds `key` (untrimmed) as the next index, unless the same bytes are there: then their index.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let slot = keys.withUnsafeBufferPointer { find(key, in: $0) }
        if slots[slot] != 0 { return Int(slots[slot]) - 1 }
        // The key goes where the padding starts; the padding, zeros, moves along after it.
        let start = keys.count - Self.padding
        keys.append(contentsOf: repeatElement(0, count: key.count))
        keys.withUnsafeMutableBufferPointer { keys in
            _ = UnsafeMutableBufferPointer(rebasing: keys[start..<(start + key.count)]).initialize(from: key)
        }
        keyRanges.append(start..<(start + key.count))
        slots[slot] = Int32(keyRanges.count)
        if keyRanges.count * 2 > slots.count { // half full: twice the slots, every key placed again
            slots = [Int32](repeating: 0, count: slots.count * 2)
            mask = slots.count - 1
            for k in keyRanges.indices { insert(k) }
        }
        return nil
    }

    /// The slot that holds `key`, or the empty one where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, in keys: UnsafeBufferPointer<UInt8>) -> Int {
        var slot = Self.hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return slot }
            let range = keyRanges[entry - 1]
            if range.count == key.count, key.isEmpty || memcmp(keys.baseAddress! + range.lowerBound, key.baseAddress!, key.count) == 0 {
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    /// The index of the id whose bytes these are (spaces and tabs around it ignored, as `CSVRecord.string` does).
    func index(of field: UnsafeBufferPointer<UInt8>) -> Int? {
        var lower = 0, upper = field.count
        while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
        while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
        return index(exactly: UnsafeBufferPointer(rebasing: field[lower..<upper]))
    }

    /// The index of the id of exactly these bytes (untrimmed), or nil.
    func index(exactly key: UnsafeBufferPointer<UInt8>) -> Int? {
        let entry = Int(slots[keys.withUnsafeBufferPointer { find(key, in: $0) }])
        return entry == 0 ? nil : entry - 1
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

    /// The bytes of the id at `index`.
    func bytes(_ index: Int) -> ArraySlice<UInt8> { keys[keyRanges[index]] }

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
