import Foundation

/// A few fixed words a cell may hold (a kind, a status, a choice, yes or no), found from the cell's bytes: the readers
/// take hundreds of thousands of such cells, and need a String only for a cell that is none of them.
///
/// A cell whose bytes are not exactly one of the words is not known to be none of them: a String of other bytes
/// can still equal a word (Swift compares strings by canonical equivalence), so `index(in:_:)` then compares the String.
struct CellWords {
    let strings: [String]
    private let words: [[UInt8]]

    init(_ words: [String]) {
        strings = words
        self.words = words.map { Array($0.utf8) }
    }

    /// The place in the list of the word the record's cell equals (trimmed, as `CSVRecord.string`), or nil.
    func index(in record: CSVRecord, _ column: Int) -> Int? {
        index(of: record.trimmedField(column)) ?? strings.firstIndex(of: record.string(column))
    }

    /// The place in the list of the word that is exactly these bytes, or nil.
    func index(of cell: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let start = cell.baseAddress, !cell.isEmpty else { return nil }
        for k in words.indices where words[k].count == cell.count {
            if words[k].withUnsafeBufferPointer({ memcmp($0.baseAddress!, start, cell.count) }) == 0 { return k }
        }
        return nil
    }
}

/// `yes` and `no` as bytes, before `parseBool` and its other spellings.
let yesNoWords = CellWords(["yes", "no"])

/// A yes/no cell: from its bytes when it is `yes` or `no`, else as `parseBool` reads its String.
func parseBool(_ record: CSVRecord, _ column: Int) -> Bool? {
    if let k = yesNoWords.index(of: record.trimmedField(column)) { return k == 0 }
    return parseBool(record.string(column))
}
