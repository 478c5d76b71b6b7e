import Foundation

/// Reads assessments.csv, long format: one expert's value of one indicator for one facility per row.
///
/// A large file without quotes is parsed by all processors, each on its own run of lines
/// (`readInChunks`); any other file, and any file in which a row repeats an earlier one, is read here
/// row by row. Both give the same table, problems and rejects.
struct AssessmentReader {
    let context: RowContext
    var chunking = Chunking()

    /// How the file is shared between threads; it never changes what is read.
    struct Chunking {
        /// Threads; nil means one per processor.
        var threads: Int?
        /// Files smaller than this are read on one thread.
        var minimumBytes = 1 << 22
        /// Runs of lines per thread, so that a thread slowed down by another process delays little.
        var chunksPerThread = 4
    }

    static let required = ["facility_id", "expert_id", "indicator_id", "value"]

    /// Reads the file; `cut` is what `chunking.cut` gives for its text (the loader cuts it on another thread).
    func read(_ reader: CSVReader, cut: LineChunks?, state: inout LoadState) throws -> AssessmentTable {
        let lookup = AssessmentLookup(context)
        if let table = try readInChunks(reader, cut: cut, lookup: lookup, state: &state) { return table }
        return try readSequentially(reader, lookup: lookup, state: &state)
    }

    /// The keys already seen, sized for the dataset.
    func keySet(_ lookup: AssessmentLookup) -> AssessmentKeySet {
        AssessmentKeySet(facilities: context.facilities.count, experts: lookup.expertCount, indicators: lookup.maximumIndicators)
    }

    /// Bitmaps of the keys for `workers` threads, numbered as in `keySet`; nil when that is a hash set.
    func keyMarks(_ lookup: AssessmentLookup, workers: Int) -> KeyMarks.Bitmaps? {
        AssessmentKeySet.workerMarks(facilities: context.facilities.count, experts: lookup.expertCount,
                                     indicators: lookup.maximumIndicators, workers: workers)
    }

    /// Reads every row in file order on the calling thread.
    func readSequentially(_ reader: CSVReader, lookup: AssessmentLookup, state: inout LoadState) throws -> AssessmentTable {
        var table = AssessmentTable()
        let expected = reader.text.lineCount
        table.facility.reserveCapacity(expected)
        table.expert.reserveCapacity(expected)
        table.indicator.reserveCapacity(expected)
        table.value.reserveCapacity(expected)
        var seen = keySet(lookup)
        var checker = AssessmentRowChecker(context: context, lookup: lookup)
        try forEachDataRow(reader, required: Self.required, state: &state) { h, r, state in
            let row: AssessmentRow
            switch checker.check(h, r) {
            case let .failure(problem): return problem
            case let .success(accepted): row = accepted
            }
            guard seen.insert(facility: row.facility, expert: row.expert, indicator: row.indicator) else {
                return checker.duplicate(h, r)
            }
            table.facility.append(Int32(row.facility))
            table.expert.append(Int32(row.expert))
            table.indicator.append(Int32(row.indicator))
            table.value.append(row.value)
            return nil
        }
        return table
    }
}
