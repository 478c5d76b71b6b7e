import Foundation

/// Reads experts.csv: the panel and each expert's weight.
struct ExpertReader {
    func read(_ reader: CSVReader, state: inout LoadState) throws -> [Expert] {
        var experts: [Expert] = []
        var seen: [String: Int] = [:]
        try forEachDataRow(reader, required: ["id", "name", "title", "weight"], state: &state) { h, r, _ in
            let id = r.string(h["id"])
            guard !id.isEmpty else { return InputProblem(r.location(h["id"]), "id: expected an expert id, found an empty cell") }
            if let line = seen[id] { return InputProblem(r.location(h["id"]), "duplicate expert id \"\(id)\" (first on line \(line))") }
            guard let weight = r.double(h["weight"]), weight > 0 else {
                return InputProblem(r.location(h["weight"]), "weight: expected a positive number, found \"\(r.string(h["weight"]))\"")
            }
            seen[id] = r.line
            experts.append(Expert(id: id, name: r.string(h["name"]), title: r.string(h["title"]), weight: weight))
            return nil
        }
        return experts
    }
}

/// Reads assessments.csv, long format: one expert's value of one indicator for one facility per row.
///
/// A national round has millions of rows, so a valid row is checked on its bytes (ids interned, no String
/// made); a row the fast path does not accept goes through `problem(_:_:)`, which names what is wrong.
struct AssessmentReader {
    let context: RowContext

    func read(_ reader: CSVReader, state: inout LoadState) throws -> AssessmentTable {
        var table = AssessmentTable()
        let expected = reader.text.lineCount
        table.facility.reserveCapacity(expected)
        table.expert.reserveCapacity(expected)
        table.indicator.reserveCapacity(expected)
        table.value.reserveCapacity(expected)
        let lookup = AssessmentLookup(context)
        var seen = AssessmentKeySet(facilities: context.facilities.count, experts: lookup.expertCount, indicators: lookup.maximumIndicators)
        var columns: (facility: Int, expert: Int, indicator: Int, value: Int)?
        // Rows come grouped by facility: the previous row's facility is tried first.
        var lastFacility: (bytes: [UInt8], index: Int) = ([], -1)
        try forEachDataRow(reader, required: ["facility_id", "expert_id", "indicator_id", "value"], state: &state) { h, r, state in
            let c = columns ?? (h["facility_id"], h["expert_id"], h["indicator_id"], h["value"])
            columns = c
            let f: Int, e: Int, j: Int, value: Double
            let facilityField = r.field(c.facility)
            let sameFacility = lastFacility.index >= 0 && lastFacility.bytes.count == facilityField.count
                && lastFacility.bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, facilityField.baseAddress!, $0.count) == 0 }
            if !sameFacility {
                lastFacility = (Array(facilityField), lookup.facilities.index(of: facilityField) ?? -1)
            }
            if lastFacility.index >= 0, let ee = lookup.experts.index(of: r.field(c.expert)),
               let i = lookup.indicators.index(of: r.field(c.indicator)), lookup.indicatorKind[i] == lookup.facilityKind[lastFacility.index],
               let x = r.double(c.value), lookup.accepts(x, indicator: i) {
                (f, e, j, value) = (lastFacility.index, ee, lookup.indicatorPosition[i], x)
            } else {
                switch checked(h, r) {
                case let .failure(problem): return problem
                case let .success(row): (f, e, j, value) = row
                }
            }
            guard seen.insert(facility: f, expert: e, indicator: j) else {
                return InputProblem(r.location(h["value"]), "expert \(r.string(h["expert_id"])) already assessed \(r.string(h["indicator_id"])) for \(r.string(h["facility_id"])) on an earlier line")
            }
            table.facility.append(Int32(f))
            table.expert.append(Int32(e))
            table.indicator.append(Int32(j))
            table.value.append(value)
            return nil
        }
        return table
    }

    /// A row the fast path refused, checked field by field: the first problem in column order, or the row.
    private func checked(_ h: CSVHeader, _ r: CSVRecord) -> Result<(Int, Int, Int, Double), InputProblem> {
        switch problem(h, r) {
        case let .some(problem): return .failure(problem)
        case .none:
            let (_, j) = context.models.indicatorIndex[r.string(h["indicator_id"])]!
            return .success((Int(context.facilityIndex[r.string(h["facility_id"])]!), Int(context.expertIndex[r.string(h["expert_id"])]!),
                             j, r.double(h["value"])!))
        }
    }

    private func problem(_ h: CSVHeader, _ r: CSVRecord) -> InputProblem? {
        let facilityID = r.string(h["facility_id"])
        guard let f = context.facilityIndex[facilityID] else {
            if context.rejectedFacilityIDs.contains(facilityID) {
                return InputProblem(r.location(h["facility_id"]), "facility \"\(facilityID)\" was rejected, so its assessments are too")
            }
            return InputProblem(r.location(h["facility_id"]), "unknown facility id \"\(facilityID)\": not in facilities.csv")
        }
        let expertID = r.string(h["expert_id"])
        guard context.expertIndex[expertID] != nil else {
            return InputProblem(r.location(h["expert_id"]), "unknown expert id \"\(expertID)\": not in experts.csv")
        }
        let facility = context.facilities[Int(f)]
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
        if let range = indicator.range, range.count == 2, value < range[0] || value > range[1] {
            return InputProblem(r.location(h["value"]), "value of \(indicatorID): expected \(range[0].clean)…\(range[1].clean)\(indicator.unit.map { " " + $0 } ?? ""), found \(r.string(h["value"]))")
        }
        if indicator.scale == .level, value != value.rounded() || value < 1 || value > 4 {
            return InputProblem(r.location(h["value"]), "value of \(indicatorID): expected a grade vote 1, 2, 3 or 4, found \(r.string(h["value"]))")
        }
        return nil
    }
}

/// Reads hazards.csv: major-accident-hazard findings, each a veto code of its facility's model.
struct HazardReader {
    let context: RowContext

    func read(_ reader: CSVReader, state: inout LoadState) throws -> [HazardFinding] {
        var hazards: [HazardFinding] = []
        try forEachDataRow(reader, required: ["facility_id", "code", "description", "found_on"], state: &state) { h, r, _ in
            let facilityID = r.string(h["facility_id"])
            guard let f = context.facilityIndex[facilityID] else {
                let why = context.rejectedFacilityIDs.contains(facilityID) ? "was rejected" : "is not in facilities.csv"
                return InputProblem(r.location(h["facility_id"]), "facility \"\(facilityID)\" \(why)")
            }
            let facility = context.facilities[Int(f)]
            let code = r.string(h["code"])
            let vetoes = context.models[facility.kind]!.model.vetoes
            guard vetoes.contains(where: { $0.code == code }) else {
                return InputProblem(r.location(h["code"]), "code \"\(code)\" is not a veto of the \(facility.kind.rawValue) model; expected one of \(vetoes.map(\.code).joined(separator: ", "))")
            }
            let date = r.string(h["found_on"])
            guard isISODate(date) else {
                return InputProblem(r.location(h["found_on"]), "found_on: expected a date YYYY-MM-DD, found \"\(date)\"")
            }
            hazards.append(HazardFinding(facilityID: facilityID, code: code, description: r.string(h["description"]), foundOn: date))
            return nil
        }
        return hazards
    }
}

/// True for a valid calendar date written YYYY-MM-DD.
func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return (1...days).contains(d)
}

extension Double {
    /// A number without a trailing ".0" when it is whole.
    public var clean: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
