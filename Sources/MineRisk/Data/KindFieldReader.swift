/// Reads the cells of a facilities.csv row that only its kind has, as the kind's profile declares them.
struct KindFieldReader {
    let kind: FacilityKind
    /// The kind's fields in the order they are checked (needed fields first, then choices, then the rest, each
    /// group in column order), each with its column in the header, nil when the header has none.
    private let fields: [(field: FacilityField, column: Int?)]
    /// Each field's choices (nil for a number or a flag), by the field's place in `fields`: a national file's hundreds
    /// of thousands of cells are compared from their bytes.
    private let choiceWords: [CellWords?]
    /// The kind's column, where a problem with a needed field the header lacks is pointed: that is what calls for it.
    private let kindColumn: Int

    /// The reader of `kind`'s fields in files with this header; made once per file.
    init(kind: FacilityKind, header: CSVHeader) {
        self.kind = kind
        func isChoice(_ field: FacilityField) -> Bool { if case .choice = field.value { return true } else { return false } }
        let all = kind.profile.fields
        let needed = all.filter { $0.needs != nil }, optional = all.filter { $0.needs == nil }
        fields = (needed + optional.filter(isChoice) + optional.filter { !isChoice($0) }).map { ($0, header.column($0.column)) }
        choiceWords = fields.map { if case let .choice(choices) = $0.field.value { CellWords(choices) } else { nil } }
        kindColumn = header["kind"]
    }

    /// The row's values of the kind's fields; the first problem when a cell is wrong or a needed one blank.
    func read(_ record: CSVRecord) -> Result<FacilityValues, InputProblem> {
        var values = FacilityValues(capacity: fields.count)
        for k in fields.indices {
            switch value(k, record) {
            case let .failure(problem): return .failure(problem)
            case let .success(value?): values[fields[k].field.column] = value
            case .success(nil): continue // a blank optional cell: nothing to record
            }
        }
        return .success(values)
    }

    private func value(_ k: Int, _ record: CSVRecord) -> Result<FacilityFieldValue?, InputProblem> {
        let field = fields[k].field
        let column = field.column
        guard let i = fields[k].column, !record.isBlank(i) else {
            guard let needs = field.needs else { return .success(nil) }
            let at = fields[k].column ?? kindColumn
            return .failure(InputProblem(record.location(at), "\(column): a \(kind.name.en.lowercased()) needs \(needs), found an empty cell"))
        }
        switch field.value {
        case .number:
            guard let value = record.double(i) else {
                return .failure(InputProblem(record.location(i), "\(column): expected a finite number, found \"\(record.string(i))\""))
            }
            guard value >= 0 else { return .failure(InputProblem(record.location(i), "\(column): expected a non-negative number, found \(record.string(i))")) }
            return .success(.number(value))
        case .flag:
            guard let flag = parseBool(record, i) else {
                return .failure(InputProblem(record.location(i), "\(column): expected yes or no, found \"\(record.string(i))\""))
            }
            return .success(.flag(flag))
        case let .choice(choices):
            guard let c = choiceWords[k]?.index(in: record, i) else {
                return .failure(InputProblem(record.location(i), "\(column): expected one of \(choices.joined(separator: ", ")), found \"\(record.string(i))\""))
            }
            return .success(.choice(choices[c]))
        }
    }
}
