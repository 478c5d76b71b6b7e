/// The columns of a CSV file, checked against what the file must and may have.
public struct CSVHeader {
    public let file: String
    public let names: [String]
    private let index: [String: Int]

    /// Checks the header record: every required column present, no unknown or repeated column.
    /// A column that looks like a misspelling of a missing one is named as such.
    public init(record: CSVRecord, required: [String], optional: [String] = []) throws {
        file = record.file
        names = (0..<record.count).map { record.string($0) }
        var problems = ProblemList()
        var index: [String: Int] = [:]
        let known = Set(required + optional)
        for (i, name) in names.enumerated() {
            if index[name] != nil {
                problems.add(record.location(i), "column \"\(name)\" appears twice in the header")
            } else {
                index[name] = i
            }
        }
        let missing = required.filter { index[$0] == nil }
        for (i, name) in names.enumerated() where !known.contains(name) {
            if let guess = (missing + optional).min(by: { editDistance($0, name) < editDistance($1, name) }),
               editDistance(guess, name) <= max(2, guess.count / 4) {
                problems.add(record.location(i), "unknown column \"\(name)\": did you mean \"\(guess)\"?")
            } else {
                problems.add(record.location(i), "unknown column \"\(name)\": expected one of \((required + optional).joined(separator: ", "))")
            }
        }
        for name in missing {
            problems.add(SourceLocation(file: file, line: record.line), "missing column \"\(name)\" in the header; found \(names.joined(separator: ","))")
        }
        try problems.throwIfAny()
        self.index = index
    }

    public func column(_ name: String) -> Int? { index[name] }

    /// The index of a column the header is known to have.
    public subscript(name: String) -> Int {
        guard let i = index[name] else { preconditionFailure("column \(name) was not declared") }
        return i
    }

    /// A problem if the record does not have exactly as many fields as the header.
    public func checkWidth(_ record: CSVRecord) -> InputProblem? {
        guard record.count != names.count else { return nil }
        let what = record.count > names.count ? "too many" : "too few"
        return InputProblem(SourceLocation(file: file, line: record.line, column: min(record.count, names.count + 1)),
                            "\(what) fields: expected \(names.count) as in the header, found \(record.count)")
    }
}
