import Foundation

/// Reads filled scoring forms back, checking every cell as the CSV readers check assessments.csv.
///
/// The expert is the one named beside `expert_id` on the instructions sheet. Every other sheet with a header row
/// naming `facility_id`, `indicator_id` and `value` is read below it; the other columns are for the reader's eyes
/// only and are not checked, so a sheet may be sorted or filtered. A value cell left empty is no answer.
public struct ScoringFormReader {
    public let dataset: Dataset
    public let models: ModelSet
    private let facilityIndex: [String: Int]

    public init(dataset: Dataset, models: ModelSet) {
        self.dataset = dataset
        self.models = models
        facilityIndex = Dictionary(dataset.facilities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads one workbook; its problems are added to `problems` (each with file, sheet and cell).
    public func read(path: String, problems: inout ProblemList) throws -> FilledForm? {
        let workbook = try XLSXReader(path: path)
        guard let (sheet, expertID) = try findExpert(workbook, problems: &problems) else { return nil }
        var answers: [FormAnswer] = []
        var empty = 0
        var tables = 0
        for index in workbook.sheetNames.indices where index != sheet {
            var columns: (facility: Int, indicator: Int, value: Int)?
            try workbook.forEachRow(sheet: index) { row in
                guard let c = columns else {
                    if let f = row.column(headed: ScoringFormLayout.facilityColumn), let i = row.column(headed: ScoringFormLayout.indicatorColumn),
                       let v = row.column(headed: ScoringFormLayout.valueColumn) {
                        columns = (f, i, v)
                    }
                    return
                }
                guard !row.isEmpty else { return }
                switch answer(row, columns: c, expertID: expertID, workbook: workbook, sheet: index) {
                case let .success(answer?): answers.append(answer)
                case .success(nil): empty += 1
                case let .failure(problem): problems.add(problem.location, problem.message)
                }
            }
            if columns != nil { tables += 1 }
        }
        if tables == 0 {
            problems.add(SourceLocation(file: path), "expected a sheet with a header row naming facility_id, indicator_id and value, found none in the sheets \(workbook.sheetNames.joined(separator: ", "))")
        }
        return FilledForm(file: path, expertID: expertID, answers: answers, emptyCells: empty)
    }

    /// The sheet holding `expert_id` and the id beside it (first sheets first).
    private func findExpert(_ workbook: XLSXReader, problems: inout ProblemList) throws -> (Int, String)? {
        for index in workbook.sheetNames.indices {
            var found: (XLSXReadCell?, String)?
            try workbook.forEachRow(sheet: index) { row in
                guard found == nil, let label = row.column(headed: ScoringFormLayout.expertLabel) else { return }
                let cell = row[label + 1]
                found = (cell, cell?.text.trimmingCharacters(in: .whitespaces) ?? "")
                if cell == nil { found = (nil, xlsxCellReference(row: row.number - 1, column: label + 1)) }
            }
            guard let (cell, text) = found else { continue }
            guard let cell else {
                problems.add(workbook.location(sheet: index, cell: text), "expected the expert's id beside expert_id, found an empty cell")
                return nil
            }
            guard dataset.experts.contains(where: { $0.id == text }) else {
                problems.add(workbook.location(sheet: index, cell: cell.reference), "expert_id: expected an expert of experts.csv, found \"\(text)\"")
                return nil
            }
            return (index, text)
        }
        problems.add(SourceLocation(file: workbook.file), "expected a cell labelled expert_id with the expert's id beside it, found none: is this a minerisk scoring form?")
        return nil
    }

    /// The answer of a row; nil when its value cell is empty; the first problem in column order.
    private func answer(_ row: XLSXReadRow, columns c: (facility: Int, indicator: Int, value: Int), expertID: String,
                        workbook: XLSXReader, sheet: Int) -> Result<FormAnswer?, InputProblem> {
        func at(_ column: Int) -> SourceLocation {
            workbook.location(sheet: sheet, cell: row[column]?.reference ?? xlsxCellReference(row: row.number - 1, column: column))
        }
        let facilityID = row[c.facility]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        guard let f = facilityIndex[facilityID] else {
            return .failure(InputProblem(at(c.facility), facilityID.isEmpty ? "facility_id: expected a facility id, found an empty cell"
                                         : "unknown facility id \"\(facilityID)\": not in facilities.csv"))
        }
        let facility = dataset.facilities[f]
        let indicatorID = row[c.indicator]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        guard let (kind, j) = models.indicatorIndex[indicatorID] else {
            return .failure(InputProblem(at(c.indicator), indicatorID.isEmpty ? "indicator_id: expected an indicator id, found an empty cell"
                                         : "unknown indicator id \"\(indicatorID)\": no model has it"))
        }
        guard kind == facility.kind else {
            return .failure(InputProblem(at(c.indicator), "indicator \"\(indicatorID)\" belongs to the \(kind.rawValue) model, but facility \(facilityID) is a \(facility.kind.rawValue)"))
        }
        guard let cell = row[c.value] else { return .success(nil) }
        guard let value = cell.number else {
            return .failure(InputProblem(at(c.value), "value: expected a finite number, found \"\(cell.text)\""))
        }
        if let message = models[kind]!.model.indicators[j].problem(with: value, found: cell.text) {
            return .failure(InputProblem(at(c.value), message))
        }
        return .success(FormAnswer(expertID: expertID, facilityID: facilityID, indicatorID: indicatorID, value: value, location: at(c.value)))
    }
}
