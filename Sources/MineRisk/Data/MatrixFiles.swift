/// A pairwise comparison matrix read from CSV, with its labels.
public struct PairwiseMatrixFile: Sendable {
    public let labels: [String]
    public let matrix: Matrix

    /// Reads a square matrix of numbers or fractions ("1/3"), with an optional header row and an optional
    /// label column. Every problem is reported with its line and column; the matrix is then checked to be
    /// square, positive and reciprocal.
    public init(reader: CSVReader) throws {
        var records: [(line: Int, cells: [String])] = []
        try reader.forEachRecord { record in records.append((record.line, (0..<record.count).map { record.string($0) })) }
        guard !records.isEmpty else {
            throw MineRiskError.invalid(SourceLocation(file: reader.file, line: 1), "the file is empty: expected a square matrix of judgements")
        }
        // A header row has a label that is not a number somewhere after its first cell.
        let hasHeader = records[0].cells.dropFirst().contains { parseJudgement($0) == nil }
        let body = hasHeader ? Array(records.dropFirst()) : records
        guard !body.isEmpty else {
            throw MineRiskError.invalid(SourceLocation(file: reader.file, line: 2), "only a header row: expected a square matrix of judgements under it")
        }
        let hasLabels = body.contains { !$0.cells.isEmpty && parseJudgement($0.cells[0]) == nil }
        var problems = ProblemList()
        var rows: [[Double]] = []
        var labels: [String] = []
        for (position, record) in body.enumerated() {
            var cells = record.cells
            if hasLabels { labels.append(cells.removeFirst()) } else { labels.append("item \(position + 1)") }
            var row: [Double] = []
            for (c, cell) in cells.enumerated() {
                let column = c + 1 + (hasLabels ? 1 : 0)
                if let value = parseJudgement(cell) {
                    row.append(value)
                } else {
                    problems.add(SourceLocation(file: reader.file, line: record.line, column: column),
                                 "expected a number or a fraction such as 1/3, found \"\(cell)\"")
                    row.append(.nan)
                }
            }
            rows.append(row)
        }
        try problems.throwIfAny()
        let n = rows.count
        for (position, row) in rows.enumerated() where row.count != n {
            throw MineRiskError.invalid(SourceLocation(file: reader.file, line: body[position].line),
                "not square: expected \(n) judgements in every row (one per row of the matrix), found \(row.count)")
        }
        if hasHeader, let header = records.first {
            let names = hasLabels || header.cells.count == n + 1 ? Array(header.cells.dropFirst()) : header.cells
            if names.count == n, !hasLabels { labels = names }
        }
        let matrix = Matrix(rows)
        let structural = pairwiseMatrixProblems(matrix)
        if !structural.isEmpty {
            let firstLine = body.first?.line ?? 1
            throw MineRiskError.invalidInput(structural.map { InputProblem(SourceLocation(file: reader.file, line: firstLine), $0 + " (cells are (row,column) of the matrix)") })
        }
        self.labels = labels
        self.matrix = matrix
    }
}

/// A decision matrix read from CSV: a header row of criteria and a first column of alternative ids.
public struct DecisionMatrixFile: Sendable {
    public let alternatives: [String]
    public let criteria: [String]
    public let matrix: Matrix

    public init(reader: CSVReader) throws {
        var header: [String]?
        var alternatives: [String] = []
        var rows: [[Double]] = []
        var problems = ProblemList()
        var seen: [String: Int] = [:]
        try reader.forEachRecord { record in
            let cells = (0..<record.count).map { record.string($0) }
            guard let columns = header else {
                guard cells.count >= 2 else {
                    throw MineRiskError.invalid(record.location(0), "expected a header row: an id column, then one column per criterion; found \(cells.count) column")
                }
                header = cells
                return
            }
            guard cells.count == columns.count else {
                problems.add(record.location(min(cells.count, columns.count)), "expected \(columns.count) fields as in the header, found \(cells.count)")
                return
            }
            if let line = seen[cells[0]] { problems.add(record.location(0), "duplicate alternative id \"\(cells[0])\" (first on line \(line))") }
            seen[cells[0]] = record.line
            alternatives.append(cells[0])
            var row: [Double] = []
            for c in 1..<cells.count {
                if let value = record.double(c) { row.append(value) } else {
                    problems.add(record.location(c), "expected a finite number for \(columns[c]), found \"\(cells[c])\"")
                    row.append(0)
                }
            }
            rows.append(row)
        }
        guard let columns = header else {
            throw MineRiskError.invalid(SourceLocation(file: reader.file, line: 1), "the file is empty: expected a header row of criteria")
        }
        try problems.throwIfAny()
        guard !rows.isEmpty else {
            throw MineRiskError.invalid(SourceLocation(file: reader.file, line: 2), "no alternatives: expected rows after the header")
        }
        self.alternatives = alternatives
        criteria = Array(columns.dropFirst())
        matrix = Matrix(rows)
    }
}
