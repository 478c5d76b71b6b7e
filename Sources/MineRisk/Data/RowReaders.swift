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
            hazards.append(HazardFinding(facilityID: facilityID, code: code, description: r.string(h["description"]), foundOn: date, line: r.line))
            return nil
        }
        return hazards
    }
}

