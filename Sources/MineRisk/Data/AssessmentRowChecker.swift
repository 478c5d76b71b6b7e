import Foundation

/// One accepted row of assessments.csv: dataset indices of facility and expert, the indicator's position
/// in its model, and the value.
struct AssessmentRow {
    let facility: Int
    let expert: Int
    let indicator: Int
    let value: Double
}

/// Checks the rows of assessments.csv one by one, as one reading thread sees them.
///
/// A national round has millions of rows, so a valid row is checked on its bytes (ids interned, no String
/// made); a row the fast path does not accept goes through `problem(_:_:)`, which names what is wrong.
struct AssessmentRowChecker {
    let context: RowContext
    let lookup: AssessmentLookup
    private var columns: (facility: Int, expert: Int, indicator: Int, value: Int)?
    /// Rows come grouped by facility: the previous row's facility is tried first.
    private var lastFacility: (bytes: [UInt8], index: Int) = ([], -1)

    init(context: RowContext, lookup: AssessmentLookup) {
        self.context = context
        self.lookup = lookup
    }

    /// The row, or the first problem of the row in column order.
    mutating func check(_ h: CSVHeader, _ r: CSVRecord) -> Result<AssessmentRow, InputProblem> {
        let c = columns ?? (h["facility_id"], h["expert_id"], h["indicator_id"], h["value"])
        columns = c
        let facilityField = r.field(c.facility)
        let sameFacility = lastFacility.index >= 0 && lastFacility.bytes.count == facilityField.count
            && lastFacility.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, facilityField.baseAddress!, $0.count) == 0 }
        if !sameFacility {
            lastFacility = (Array(facilityField), lookup.facilities.index(of: facilityField) ?? -1)
        }
        if lastFacility.index >= 0, let e = lookup.experts.index(of: r.field(c.expert)),
           let i = lookup.indicators.index(of: r.field(c.indicator)), lookup.indicatorKindCode[i] == lookup.facilityKindCode[lastFacility.index],
           let x = r.double(c.value), lookup.accepts(x, indicator: i) {
            return .success(AssessmentRow(facility: lastFacility.index, expert: e, indicator: lookup.indicatorPosition[i], value: x))
        }
        if let problem = problem(h, r) { return .failure(problem) }
        let (_, j) = context.models.indicatorIndex[r.string(h["indicator_id"])]!
        return .success(AssessmentRow(facility: context.facilityIndex.index(of: r.string(h["facility_id"]))!,
                                      expert: Int(context.expertIndex[r.string(h["expert_id"])]!),
                                      indicator: j, value: r.double(h["value"])!))
    }

    /// The problem of a row whose (facility, expert, indicator) an earlier row already had.
    func duplicate(_ h: CSVHeader, _ r: CSVRecord) -> InputProblem {
        InputProblem(r.location(h["value"]), "expert \(r.string(h["expert_id"])) already assessed \(r.string(h["indicator_id"])) for \(r.string(h["facility_id"])) on an earlier line")
    }

    /// A row the fast path refused, checked field by field: the first problem in column order, or nil.
    private func problem(_ h: CSVHeader, _ r: CSVRecord) -> InputProblem? {
        let facilityID = r.string(h["facility_id"])
        guard let f = context.facilityIndex.index(of: facilityID) else {
            if context.rejectedFacilityIDs.contains(facilityID) {
                return InputProblem(r.location(h["facility_id"]), "facility \"\(facilityID)\" was rejected, so its assessments are too")
            }
            return InputProblem(r.location(h["facility_id"]), "unknown facility id \"\(facilityID)\": not in facilities.csv")
        }
        let expertID = r.string(h["expert_id"])
        guard context.expertIndex[expertID] != nil else {
            return InputProblem(r.location(h["expert_id"]), "unknown expert id \"\(expertID)\": not in experts.csv")
        }
        let facility = context.facilities[f]
        let indicatorID = r.string(h["indicator_id"])
        guard let (kind, j) = context.models.indicatorIndex[indicatorID] else {
            return InputProblem(r.location(h["indicator_id"]), "unknown indicator id \"\(indicatorID)\": no model has it")
        }
        guard kind == facility.kind else {
            return InputProblem(r.location(h["indicator_id"]), "indicator \"\(indicatorID)\" belongs to the \(kind.rawValue) model, but facility \(facilityID) is a \(facility.kind.rawValue)")
        }
        let indicator = context.models[kind]!.model.indicators[j]
        guard let value = r.double(h["value"]) else {
            return InputProblem(r.location(h["value"]), "value: expected a finite number, found \"\(r.string(h["value"]))\"")
        }
        if let message = indicator.problem(with: value, found: r.string(h["value"])) {
            return InputProblem(r.location(h["value"]), message)
        }
        return nil
    }
}
