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
struct AssessmentReader {
    let context: RowContext

    func read(_ reader: CSVReader, state: inout LoadState) throws -> AssessmentTable {
        var table = AssessmentTable()
        var seen = Set<UInt64>()
        let indicatorsByKind = Dictionary(uniqueKeysWithValues: context.models.models.map { ($0.key, $0.value.model.indicators) })
        try forEachDataRow(reader, required: ["facility_id", "expert_id", "indicator_id", "value"], state: &state) { h, r, state in
            let facilityID = r.string(h["facility_id"])
            guard let f = context.facilityIndex[facilityID] else {
                if context.rejectedFacilityIDs.contains(facilityID) {
                    return InputProblem(r.location(h["facility_id"]), "facility \"\(facilityID)\" was rejected, so its assessments are too")
                }
                return InputProblem(r.location(h["facility_id"]), "unknown facility id \"\(facilityID)\": not in facilities.csv")
            }
            let expertID = r.string(h["expert_id"])
            guard let e = context.expertIndex[expertID] else {
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
            let indicator = indicatorsByKind[kind]![j]
            guard let value = r.double(h["value"]) else {
                return InputProblem(r.location(h["value"]), "value: expected a finite number, found \"\(r.string(h["value"]))\"")
            }
            if let range = indicator.range, range.count == 2, value < range[0] || value > range[1] {
                return InputProblem(r.location(h["value"]), "value of \(indicatorID): expected \(range[0].clean)…\(range[1].clean)\(indicator.unit.map { " " + $0 } ?? ""), found \(r.string(h["value"]))")
            }
            if indicator.scale == .level, value != value.rounded() || value < 1 || value > 4 {
                return InputProblem(r.location(h["value"]), "value of \(indicatorID): expected a grade vote 1, 2, 3 or 4, found \(r.string(h["value"]))")
            }
            let key = UInt64(UInt32(f)) << 32 | UInt64(UInt16(truncatingIfNeeded: e)) << 16 | UInt64(UInt16(j))
            guard seen.insert(key).inserted else {
                return InputProblem(r.location(h["value"]), "expert \(expertID) already assessed \(indicatorID) for \(facilityID) on an earlier line")
            }
            table.facility.append(f)
            table.expert.append(e)
            table.indicator.append(Int32(j))
            table.value.append(value)
            return nil
        }
        return table
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
