import Foundation

/// Reads facilities.csv: one row per mine or tailings pond.
struct FacilityReader {
    let models: ModelSet
    /// How a large file is shared between threads (as assessments.csv is); it never changes what is read.
    var chunking = AssessmentReader.Chunking()

    static let required = ["id", "name", "kind", "county", "standardized", "status"]
    /// `idle_months`, then every kind's own columns (Model/Kinds/).
    static let optional = ["idle_months"] + FacilityKind.allFields.map(\.column)

    func read(_ reader: CSVReader, state: inout LoadState) throws -> [Facility] {
        try readIndexed(reader, state: &state).facilities
    }

    /// The facilities, and each one's index by its id.
    func readIndexed(_ reader: CSVReader, state: inout LoadState) throws -> (facilities: [Facility], index: FacilityIDs) {
        var facilities: [Facility] = []
        var lines: [Int] = []
        // id → index in `facilities` of the row that has it (sized for rows of 64 bytes, so that a national file's
        // hundreds of thousands of ids are not hashed again as the table grows).
        var seen = FacilityIDs(capacity: reader.text.bytes.count / 64)
        var duplicated = Set<String>()
        var idColumn = 0
        /// Takes a parsed row, in file order; returns its problem.
        func accept(_ row: consuming ParsedRow, _ state: inout LoadState) -> InputProblem? {
            switch consume row {
            case .taken:
                return nil
            case let .wrongWidth(problem):
                return problem
            case let .invalid(problem, id):
                if !id.isEmpty { state.rejectedFacilityIDs.insert(id) }
                return problem
            case let .facility(facility):
                let id = facility.id
                if let first = seen.add(id) {
                    state.rejectedFacilityIDs.insert(id)
                    duplicated.insert(id)
                    return InputProblem(SourceLocation(file: reader.file, line: facility.line, column: idColumn + 1),
                                        "duplicate facility id \"\(id)\" (first on line \(lines[first]))")
                }
                lines.append(facility.line)
                facilities.append(facility)
                return nil
            }
        }
        // Runs are taken as they come while later ones are parsed; if the reader stopped on one, what was taken is
        // put back and the file read by the sequential reader.
        var inRuns = false
        if let runs = startParsingInRuns(reader) {
            let before = state
            idColumn = runs.idColumn
            facilities.reserveCapacity(runs.lines)
            lines.reserveCapacity(facilities.capacity)
            inRuns = true
            for k in 0..<runs.count {
                guard var run = runs.take(k) else {
                    inRuns = false
                    break
                }
                // Each row is moved out of its run, not copied (a copy retains its strings, and a national file has
                // hundreds of thousands of rows to take on this one thread).
                for i in run.indices {
                    var row = ParsedRow.taken
                    swap(&row, &run[i])
                    if let problem = accept(row, &state) { state.reject(problem) }
                }
            }
            runs.finish()
            if !inRuns {
                (state, facilities, lines, duplicated) = (before, [], [], [])
                seen = FacilityIDs(capacity: reader.text.bytes.count / 64)
            }
        }
        if !inRuns {
            // Room for rows of 64 bytes, as for the ids: no copy of the rows as the array grows.
            facilities.reserveCapacity(reader.text.bytes.count / 64)
            lines.reserveCapacity(facilities.capacity)
            var layout: Layout?
            try forEachDataRow(reader, required: Self.required, optional: Self.optional, state: &state) { h, r, state in
                if layout == nil {
                    layout = Layout(h, models: models)
                    idColumn = layout!.id
                }
                return accept(parse(layout!, r), &state)
            }
        }
        // A duplicated id rejects every row that has it: which one is right cannot be known.
        if state.skipInvalid, !duplicated.isEmpty {
            var kept: [Facility] = []
            for (facility, line) in zip(facilities, lines) {
                if duplicated.contains(facility.id) {
                        state.reject(InputProblem(SourceLocation(file: reader.file, line: line, column: 1),
                                              "facility id \"\(facility.id)\" appears again on a later line"))
                } else {
                    kept.append(facility)
                }
            }
            facilities = kept
            seen = FacilityIDs(facilities.map(\.id))
        }
        return (facilities, seen)
    }

    /// A data row parsed on its own, before the ids are compared with the other rows'.
    private enum ParsedRow {
        case wrongWidth(InputProblem)
        case invalid(InputProblem, id: String)
        case facility(Facility)
        /// What is left in a run where a row was moved out (never taken itself).
        case taken
    }

    /// A large file without quotes being parsed on other threads, each on its own runs of lines; `take` gives the
    /// rows run by run in file order, each as soon as it is parsed, to be taken as the sequential reader takes them
    /// while later runs are still being parsed. Nil for any other file (and for a header that does not qualify: the
    /// sequential reader then names its problem).
    private func startParsingInRuns(_ reader: CSVReader) -> ParsedRuns? {
        let tasks = ParallelTasks(threads: chunking.threads)
        let whole = reader.text.contentStart..<reader.text.bytes.count
        guard tasks.threads > 1, whole.count >= chunking.minimumBytes else { return nil }
        guard let chunks = reader.text.bytes.withUnsafeBufferPointer({
            LineChunks($0, range: whole, count: tasks.threads * chunking.chunksPerThread, tasks: tasks)
        }) else { return nil }
        var header: CSVHeader?
        do {
            try reader.forEachRecord(in: chunks.header, firstLine: chunks.headerLine) { record in
                header = try CSVHeader(record: record, required: Self.required, optional: Self.optional)
            }
        } catch {
            return nil
        }
        guard let header else { return nil }
        let layout = Layout(header, models: models)
        return ParsedRuns(count: chunks.ranges.count, idColumn: layout.id, lines: chunks.capacities.reduce(0, +), tasks: tasks) { k in
            var run: [ParsedRow] = []
            run.reserveCapacity(chunks.capacities[k])
            try reader.forEachRecord(in: chunks.ranges[k], firstLine: chunks.firstLines[k]) { r in
                if let problem = header.checkWidth(r) {
                    run.append(.wrongWidth(problem))
                } else {
                    run.append(parse(layout, r))
                }
            }
            return run
        }
    }

    /// Runs of rows parsed on other threads, each handed over once, as soon as it is done.
    private final class ParsedRuns: @unchecked Sendable {
        let count: Int
        let idColumn: Int
        /// The lines of the runs, at least their rows.
        let lines: Int
        // Run k is written by the thread that parses it before `ready[k]` is signalled, and read only after.
        private let runs: UnsafeMutablePointer<[ParsedRow]?>
        private let ready: [DispatchSemaphore]
        private var work: Background<Void>?

        init(count: Int, idColumn: Int, lines: Int, tasks: ParallelTasks, parse: @escaping (Int) throws -> [ParsedRow]) {
            self.count = count
            self.idColumn = idColumn
            self.lines = lines
            runs = .allocate(capacity: count)
            runs.initialize(repeating: nil, count: count)
            ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
            work = Background { [runs, ready] in
                try? tasks.run(count) { k in
                    runs[k] = try? parse(k) // nil: the reader stopped on the run
                    ready[k].signal()
                }
            }
        }

        /// Run `k`'s rows once it is parsed; nil if the reader stopped on it (the sequential reader, which stops at the
        /// same place, then reads the file). Each run is taken once, in order.
        func take(_ k: Int) -> [ParsedRow]? {
            ready[k].wait()
            var run: [ParsedRow]?
            swap(&run, &runs[k])
            return run
        }

        /// Waits until every run is parsed (the ones not taken are dropped with the runs).
        func finish() { work?.wait() }

        deinit {
            work?.wait()
            runs.deinitialize(count: count)
            runs.deallocate()
        }
    }

    /// Where a file's columns are, found once from its header. A class: every row is read with it, and a struct of
    /// arrays would be copied (retained and released) for each.
    private final class Layout {
        let id, name, kind, county, standardized, status: Int
        let idleMonths: Int?
        /// Each kind's own fields, and whether it has a model, by the kind's place in `FacilityKind.allCases` (an array
        /// rather than a dictionary: hundreds of thousands of rows look them up).
        let kindFields: [KindFieldReader]
        let modelled: [Bool]
        /// The kinds' and the statuses' names (their raw values), in the order of their `allCases`.
        let kindWords = CellWords(FacilityKind.allCases.map(\.rawValue))
        let statusWords = CellWords(FacilityStatus.allCases.map(\.rawValue))

        init(_ h: CSVHeader, models: ModelSet) {
            (id, name, kind, county, standardized, status) = (h["id"], h["name"], h["kind"], h["county"], h["standardized"], h["status"])
            idleMonths = h.column("idle_months")
            kindFields = FacilityKind.allCases.map { KindFieldReader(kind: $0, header: h) }
            modelled = FacilityKind.allCases.map { models[$0] != nil }
        }
    }

    /// One row: its facility, or its first problem with its id (which the other rows may then not use).
    private func parse(_ h: Layout, _ r: CSVRecord) -> ParsedRow {
        let id = r.string(h.id)
        switch parse(h, r, id: id) {
        case let .failure(problem): return .invalid(problem, id: id)
        case let .success(facility): return .facility(facility)
        }
    }

    private func parse(_ h: Layout, _ r: CSVRecord, id: String) -> Result<Facility, InputProblem> {
        func fail(_ column: Int, _ message: String) -> Result<Facility, InputProblem> {
            .failure(InputProblem(r.location(column), message))
        }
        guard !id.isEmpty else { return fail(h.id, "id: expected a facility id, found an empty cell") }
        let name = r.string(h.name)
        guard !name.isEmpty else { return fail(h.name, "name: expected the facility's name, found an empty cell") }
        guard let place = h.kindWords.index(in: r, h.kind) else {
            return fail(h.kind, "kind: expected one of \(FacilityKind.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(r.string(h.kind))\"")
        }
        let kind = FacilityKind.allCases[place]
        guard h.modelled[place] else { return fail(h.kind, "kind \(kind.rawValue) has no model in the models folder") }
        let county = r.string(h.county)
        guard !county.isEmpty else { return fail(h.county, "county: expected a county name, found an empty cell") }
        guard let standardized = parseBool(r, h.standardized) else {
            return fail(h.standardized, "standardized: expected yes or no, found \"\(r.string(h.standardized))\"")
        }
        guard let k = h.statusWords.index(in: r, h.status) else {
            return fail(h.status, "status: expected operating or idle, found \"\(r.string(h.status))\"")
        }
        let status = FacilityStatus.allCases[k]
        var idleMonths = 0
        if let i = h.idleMonths, !r.isBlank(i) {
            guard let value = Int(r.string(i)), value >= 0 else {
                return .failure(InputProblem(r.location(i), "idle_months: expected a whole number of months ≥ 0, found \"\(r.string(i))\""))
            }
            idleMonths = value
        }
        var facility = Facility(id: id, name: name, kind: kind, county: county, standardized: standardized,
                                status: status, idleMonths: idleMonths)
        switch h.kindFields[place].read(r) {
        case let .failure(problem): return .failure(problem)
        case let .success(values): facility.values = values
        }
        facility.line = r.line
        return .success(facility)
    }
}

extension InputProblem: Error {}
