/// Reads the cells of a facilities.csv row that only its kind has, as the kind's profile declares them.
struct KindFieldReader {
    let kind: FacilityKind
    let header: CSVHeader
    let record: CSVRecord

    /// The row's values of the kind's fields; the first problem when a cell is wrong or a needed one blank.
    /// Needed fields are checked first, then choices, then the rest, each group in column order.
    func read() -> Result<FacilityValues, InputProblem> {
        let fields = kind.profile.fields
        func isChoice(_ field: FacilityField) -> Bool { if case .choice = field.value { return true } else { return false } }
        let needed = fields.filter { $0.needs != nil }, optional = fields.filter { $0.needs == nil }
        var values = FacilityValues()
        for field in needed + optional.filter(isChoice) + optional.filter({ !isChoice($0) }) {
            switch value(field) {
            case let .failure(problem): return .failure(problem)
            case let .success(value): values[field.column] = value
            }
        }
        return .success(values)
    }

    private func value(_ field: FacilityField) -> Result<FacilityFieldValue?, InputProblem> {
        let column = field.column
        guard let i = header.column(column), !record.isBlank(i) else {
            guard let needs = field.needs else { return .success(nil) }
            // A missing column is pointed at the kind's cell: that is what calls for it.
            let at = header.column(column) ?? header["kind"]
            return .failure(InputProblem(record.location(at), "\(column): a \(kind.name.en.lowercased()) needs \(needs), found an empty cell"))
        }
        let text = record.string(i)
        switch field.value {
        case .number:
            guard let value = record.double(i) else {
                return .failure(InputProblem(record.location(i), "\(column): expected a finite number, found \"\(text)\""))
            }
            guard value >= 0 else { return .failure(InputProblem(record.location(i), "\(column): expected a non-negative number, found \(text)")) }
            return .success(.number(value))
        case .flag:
            guard let flag = parseBool(text) else {
                return .failure(InputProblem(record.location(i), "\(column): expected yes or no, found \"\(text)\""))
            }
            return .success(.flag(flag))
        case let .choice(choices):
            guard choices.contains(text) else {
                return .failure(InputProblem(record.location(i), "\(column): expected one of \(choices.joined(separator: ", ")), found \"\(text)\""))
            }
            return .success(.choice(text))
        }
    }
}
