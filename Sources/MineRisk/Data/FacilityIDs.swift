import Foundation

/// The facilities' ids in the order of facilities.csv, found from a String or from a field's bytes.
///
/// Ids are the same when they are equal as Swift strings, that is canonically equivalent: an ASCII id is kept as
/// its bytes, any other in its NFC form (two strings are canonically equivalent exactly when their NFC forms are the
/// same bytes; Unicode UAX #15). A field looked up by its bytes (`bytes.index(of:)`, the assessment reader's fast
/// path) matches only an id of the same bytes; the general reader then looks it up as a String.
struct FacilityIDs {
    private(set) var bytes: ByteInterner

    init(capacity: Int) {
        bytes = ByteInterner(capacity: capacity)
    }

    /// The ids in order; a repeated one keeps its first index.
    init(_ ids: [String]) {
        self.init(capacity: ids.count)
        for id in ids { _ = add(id) }
    }

    /// Adds `id` as the next index, unless an equal id is there: then that one's index.
    mutating func add(_ id: String) -> Int? {
        var key = Self.key(id)
        return key.withUTF8 { bytes.add($0) }
    }

    /// The index of the id equal to `id`, or nil.
    func index(of id: String) -> Int? {
        var key = Self.key(id)
        return key.withUTF8 { bytes.index(exactly: $0) }
    }

    private static func key(_ id: String) -> String {
        id.utf8.allSatisfy { $0 < 0x80 } ? id : id.precomposedStringWithCanonicalMapping
    }
}
