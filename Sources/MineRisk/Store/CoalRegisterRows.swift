/// Reads coal_mines.csv (`id,name,county,capacity_tpa,status,closed_year,reason`) for import.
///
/// The rules are the coal register's: unique ids, a positive capacity, status operating or closed,
/// and a closure year (1900–2100) exactly for closed mines.
enum CoalRegisterRows {
    static let required = ["id", "name", "county", "capacity_tpa", "status", "closed_year", "reason"]

    static func read(_ reader: CSVReader, state: inout LoadState) throws -> [StoredCoalMine] {
        var mines: [StoredCoalMine] = []
        var seen: [String: Int] = [:]
        try forEachDataRow(reader, required: required, state: &state) { h, r, _ in
            func problem(_ column: String, _ message: String) -> InputProblem { InputProblem(r.location(h[column]), message) }
            let id = r.string(h["id"])
            guard !id.isEmpty else { return problem("id", "id: expected a mine id, found an empty cell") }
            if let line = seen[id] { return problem("id", "duplicate mine id \"\(id)\" (first on line \(line))") }
            let name = r.string(h["name"])
            guard !name.isEmpty else { return problem("name", "name: expected the mine's name, found an empty cell") }
            let county = r.string(h["county"])
            guard !county.isEmpty else { return problem("county", "county: expected a county name, found an empty cell") }
            guard let capacity = r.double(h["capacity_tpa"]), capacity > 0 else {
                return problem("capacity_tpa", "capacity_tpa: expected a positive capacity in t/yr, found \"\(r.string(h["capacity_tpa"]))\"")
            }
            let status = r.string(h["status"])
            let yearText = r.string(h["closed_year"])
            let reason = r.string(h["reason"])
            var closedYear: Int?
            switch status {
            case "operating":
                guard yearText.isEmpty else {
                    return problem("closed_year", "closed_year: an operating mine has no closure year, found \"\(yearText)\"")
                }
                guard reason.isEmpty else {
                    return problem("reason", "reason: an operating mine has no closure reason, found \"\(reason)\"")
                }
            case "closed":
                guard let year = Int(yearText), (1900...2100).contains(year) else {
                    return problem("closed_year", "closed_year: a closed mine needs the year it closed (e.g. 2015), found \"\(yearText)\"")
                }
                closedYear = year
            default:
                return problem("status", "status: expected operating or closed, found \"\(status)\"")
            }
            seen[id] = r.line
            mines.append(StoredCoalMine(id: id, name: name, county: county, capacityTpa: capacity, status: status,
                                        closedYear: closedYear, reason: reason.isEmpty ? nil : reason))
            return nil
        }
        return mines
    }
}
