/// Reads facilities.csv: one row per mine or tailings pond.
struct FacilityReader {
    let models: ModelSet

    static let required = ["id", "name", "kind", "county", "standardized", "status"]
    static let optional = ["idle_months", "storage_volume_10k_m3", "dam_height_m", "online_monitoring",
                           "slope_safety_factor", "required_safety_factor", "freeboard_ok", "beach_length_ok",
                           "flood_discharge", "capacity_tpa"]

    func read(_ reader: CSVReader, state: inout LoadState) throws -> [Facility] {
        var facilities: [Facility] = []
        var lines: [Int] = []
        var seen: [String: Int] = [:]
        var duplicated = Set<String>()
        try forEachDataRow(reader, required: Self.required, optional: Self.optional, state: &state) { h, r, state in
            let id = r.string(h["id"])
            switch parse(h, r) {
            case let .failure(problem):
                if !id.isEmpty { state.rejectedFacilityIDs.insert(id) }
                return problem
            case let .success(facility):
                if let line = seen[id] {
                        state.rejectedFacilityIDs.insert(id)
                    duplicated.insert(id)
                    return InputProblem(r.location(h["id"]), "duplicate facility id \"\(id)\" (first on line \(line))")
                }
                seen[id] = r.line
                var facility = facility
                facility.line = r.line
                facilities.append(facility)
                lines.append(r.line)
                return nil
            }
        }
        // A duplicated id rejects every row that has it: which one is right cannot be known.
        if state.skipInvalid, !duplicated.isEmpty {
            var kept: [Facility] = []
            for (facility, line) in zip(facilities, lines) {
                if duplicated.contains(facility.id) {
                        state.reject(InputProblem(SourceLocation(file: reader.file, line: line, column: 1),
                                              "facility id \"\(facility.id)\" appears again on a later line"))
                } else {
                    kept.append(facility)
                }
            }
            facilities = kept
        }
        return facilities
    }

    private func parse(_ h: CSVHeader, _ r: CSVRecord) -> Result<Facility, InputProblem> {
        func fail(_ column: String, _ message: String) -> Result<Facility, InputProblem> {
            .failure(InputProblem(r.location(h[column]), message))
        }
        func text(_ column: String) -> String? { h.column(column).map { r.string($0) }.flatMap { $0.isEmpty ? nil : $0 } }
        func number(_ column: String) -> Result<Double?, InputProblem> {
            guard let i = h.column(column), !r.isBlank(i) else { return .success(nil) }
            guard let value = r.double(i) else {
                return .failure(InputProblem(r.location(i), "\(column): expected a finite number, found \"\(r.string(i))\""))
            }
            guard value >= 0 else { return .failure(InputProblem(r.location(i), "\(column): expected a non-negative number, found \(r.string(i))")) }
            return .success(value)
        }
        func flag(_ column: String) -> Result<Bool?, InputProblem> {
            guard let value = text(column) else { return .success(nil) }
            guard let parsed = parseBool(value) else {
                return .failure(InputProblem(r.location(h[column]), "\(column): expected yes or no, found \"\(value)\""))
            }
            return .success(parsed)
        }

        let id = r.string(h["id"])
        guard !id.isEmpty else { return fail("id", "id: expected a facility id, found an empty cell") }
        let name = r.string(h["name"])
        guard !name.isEmpty else { return fail("name", "name: expected the facility's name, found an empty cell") }
        let kindText = r.string(h["kind"])
        guard let kind = FacilityKind(rawValue: kindText) else {
            return fail("kind", "kind: expected one of \(FacilityKind.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(kindText)\"")
        }
        guard models[kind] != nil else { return fail("kind", "kind \(kind.rawValue) has no model in the models folder") }
        let county = r.string(h["county"])
        guard !county.isEmpty else { return fail("county", "county: expected a county name, found an empty cell") }
        let standardizedText = r.string(h["standardized"])
        guard let standardized = parseBool(standardizedText) else {
            return fail("standardized", "standardized: expected yes or no, found \"\(standardizedText)\"")
        }
        let statusText = r.string(h["status"])
        guard let status = FacilityStatus(rawValue: statusText) else {
            return fail("status", "status: expected operating or idle, found \"\(statusText)\"")
        }
        var idleMonths = 0
        if let i = h.column("idle_months"), !r.isBlank(i) {
            guard let value = Int(r.string(i)), value >= 0 else {
                return .failure(InputProblem(r.location(i), "idle_months: expected a whole number of months ≥ 0, found \"\(r.string(i))\""))
            }
            idleMonths = value
        }
        var facility = Facility(id: id, name: name, kind: kind, county: county, standardized: standardized,
                                status: status, idleMonths: idleMonths, pond: nil, capacityTpa: nil)
        do {
            if kind == .tailingsPond {
                guard let storage = try number("storage_volume_10k_m3").get() else {
                    return fail(h.column("storage_volume_10k_m3") != nil ? "storage_volume_10k_m3" : "kind",
                                "storage_volume_10k_m3: a tailings pond needs its total storage (10⁴ m³), found an empty cell")
                }
                guard let height = try number("dam_height_m").get() else {
                    return fail(h.column("dam_height_m") != nil ? "dam_height_m" : "kind",
                                "dam_height_m: a tailings pond needs its dam height (m), found an empty cell")
                }
                guard let monitoring = try flag("online_monitoring").get() else {
                    return fail(h.column("online_monitoring") != nil ? "online_monitoring" : "kind",
                                "online_monitoring: a tailings pond needs yes or no, found an empty cell")
                }
                var floodDischarge: FloodDischarge?
                if let value = text("flood_discharge") {
                    guard let parsed = FloodDischarge(rawValue: value) else {
                        return fail("flood_discharge", "flood_discharge: expected one of \(FloodDischarge.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(value)\"")
                    }
                    floodDischarge = parsed
                }
                facility.pond = PondData(
                    storageVolume: storage, damHeight: height, onlineMonitoring: monitoring,
                    slopeSafetyFactor: try number("slope_safety_factor").get(),
                    requiredSafetyFactor: try number("required_safety_factor").get(),
                    freeboardOK: try flag("freeboard_ok").get(), beachLengthOK: try flag("beach_length_ok").get(),
                    floodDischarge: floodDischarge)
            }
            if kind == .coalMine { facility.capacityTpa = try number("capacity_tpa").get() }
        } catch {
            return .failure(error)
        }
        return .success(facility)
    }
}

extension InputProblem: Error {}
