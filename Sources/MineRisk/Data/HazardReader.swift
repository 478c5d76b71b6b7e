/// Reads hazards.csv, the hidden-danger register. The first four columns are required (older files have only
/// them: their rows are open, with the level of the code's list); the register's columns are optional.
struct HazardReader {
    let context: RowContext

    static let required = ["facility_id", "code", "description", "found_on"]
    static let optional = ["id", "level", "inspection", "found_by", "deadline", "responsible", "measures", "funds", "plan",
                           "status", "accepted_on", "accepted_by", "reopened"]

    func read(_ reader: CSVReader, state: inout LoadState) throws -> [HazardFinding] {
        var hazards: [HazardFinding] = []
        var ids: [String: Int] = [:]
        try forEachDataRow(reader, required: Self.required, optional: Self.optional, state: &state) { h, r, _ in
            func cell(_ name: String) -> String { h.column(name).map { r.string($0) } ?? "" }
            func at(_ name: String) -> SourceLocation { r.location(h.column(name) ?? h["code"]) }
            let facilityID = r.string(h["facility_id"])
            guard let f = context.facilityIndex.index(of: facilityID) else {
                let why = context.rejectedFacilityIDs.contains(facilityID) ? "was rejected" : "is not in facilities.csv"
                return InputProblem(r.location(h["facility_id"]), "facility \"\(facilityID)\" \(why)")
            }
            let facility = context.facilities[f]
            var hazard = HazardFinding(facilityID: facilityID, code: r.string(h["code"]), description: r.string(h["description"]),
                                       foundOn: r.string(h["found_on"]), line: r.line)
            if let problem = resolve(&hazard, kind: facility.kind, declared: cell("level"), at: r.location(h["code"])) { return problem }
            if !cell("level").isEmpty {
                guard let level = HazardLevel(rawValue: cell("level")) else {
                    return InputProblem(at("level"), "level: expected general or major, found \"\(cell("level"))\"")
                }
                // DOMAIN §10: any item of an official list is major; a general code cannot be raised to a veto either.
                guard level == hazard.level else {
                    return InputProblem(at("level"), "level: code \(hazard.code) is \(hazard.level.rawValue) on its list, found \"\(level.rawValue)\"")
                }
            }
            for (name, value) in [("found_on", hazard.foundOn), ("deadline", cell("deadline")), ("accepted_on", cell("accepted_on"))]
            where !value.isEmpty || name == "found_on" {
                guard isISODate(value) else { return InputProblem(at(name), "\(name): expected a date YYYY-MM-DD, found \"\(value)\"") }
            }
            hazard.id = cell("id").isEmpty ? "\(facilityID):\(r.line)" : cell("id")
            if let first = ids[hazard.id] { return InputProblem(at("id"), "duplicate hazard id \"\(hazard.id)\" (first on line \(first))") }
            hazard.inspection = cell("inspection")
            hazard.foundBy = cell("found_by")
            hazard.deadline = cell("deadline")
            hazard.responsible = cell("responsible")
            hazard.measures = cell("measures")
            hazard.funds = cell("funds")
            hazard.plan = cell("plan")
            hazard.acceptedOn = cell("accepted_on")
            hazard.acceptedBy = cell("accepted_by")
            if !cell("status").isEmpty {
                guard let status = HazardStatus(rawValue: cell("status")) else {
                    return InputProblem(at("status"), "status: expected open, rectifying or closed, found \"\(cell("status"))\"")
                }
                hazard.status = status
            }
            // SAWS Order 16 第十五条/DOMAIN §10: a danger is closed (销号) only after acceptance, by someone, on a day.
            if hazard.status == .closed && (hazard.acceptedOn.isEmpty || hazard.acceptedBy.isEmpty) {
                return InputProblem(at("status"), "status closed needs accepted_on and accepted_by; found accepted_on \"\(hazard.acceptedOn)\", accepted_by \"\(hazard.acceptedBy)\"")
            }
            if !cell("reopened").isEmpty {
                guard let count = Int(cell("reopened")), count >= 0 else {
                    return InputProblem(at("reopened"), "reopened: expected a count 0, 1, 2 …, found \"\(cell("reopened"))\"")
                }
                hazard.reopened = count
            }
            ids[hazard.id] = r.line
            hazards.append(hazard)
            return nil
        }
        return hazards
    }

    /// The code's level and veto: from the lists when the dataset has them, else from the model's veto codes
    /// (without lists, a row declared `general` is read as general: its code cannot be checked, and it never vetoes).
    private func resolve(_ hazard: inout HazardFinding, kind: FacilityKind, declared: String, at location: SourceLocation) -> InputProblem? {
        let vetoes = context.models[kind]!.model.vetoes
        if let catalog = context.catalog {
            if let (item, _) = catalog.item(hazard.code, kind: kind) {
                hazard.level = item.level
                hazard.veto = item.veto
                return nil
            }
            if vetoes.contains(where: { $0.code == hazard.code }) {
                hazard.veto = hazard.code  // a veto of the model that no official list carries (e.g. CM-16)
                return nil
            }
            let guess = catalog.nearest(to: hazard.code, kind: kind).map { " (nearest: \($0))" } ?? ""
            return InputProblem(location, "code \"\(hazard.code)\" is on no list of the \(kind.rawValue) hidden dangers in Lists/\(guess)")
        }
        if declared == HazardLevel.general.rawValue {
            hazard.level = .general
            return nil
        }
        guard vetoes.contains(where: { $0.code == hazard.code }) else {
            let guess = vetoes.map(\.code).min { editDistance($0, hazard.code) < editDistance($1, hazard.code) }
            return InputProblem(location, "code \"\(hazard.code)\" is not a veto of the \(kind.rawValue) model; expected one of \(vetoes.map(\.code).joined(separator: ", "))\(guess.map { " (nearest: \($0))" } ?? "")")
        }
        hazard.veto = hazard.code
        return nil
    }
}
