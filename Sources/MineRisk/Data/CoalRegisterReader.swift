import Foundation

/// Reads coal_mines.csv, the coal register: `id,name,county,capacity_tpa,status,closed_year,reason`.
public enum CoalRegisterReader {
    public static let required = ["id", "name", "county", "capacity_tpa", "status", "closed_year", "reason"]

    /// The years a closure may carry; anything outside is a typing slip.
    static let plausibleYears = 1900...2100

    /// Reads and checks a register; every problem of the file is reported together, with file:line:column.
    public static func read(path: String, displayName: String? = nil) throws -> CoalRegister {
        let reader = try CSVReader(path: path, displayName: displayName)
        return try read(reader)
    }

    /// Reads a register from an opened CSV file.
    public static func read(_ reader: CSVReader) throws -> CoalRegister {
        var state = LoadState(skipInvalid: false)
        var mines: [CoalMine] = []
        var seen: [String: Int] = [:]
        try forEachDataRow(reader, required: required, state: &state) { h, r, _ in
            switch parse(h, r) {
            case let .failure(problem):
                return problem
            case let .success(mine):
                if let line = seen[mine.id] {
                    return InputProblem(r.location(h["id"]), "duplicate mine id \"\(mine.id)\" (first on line \(line))")
                }
                seen[mine.id] = r.line
                mines.append(mine)
                return nil
            }
        }
        try state.problems.throwIfAny()
        guard !mines.isEmpty else {
            throw MineRiskError.invalid(SourceLocation(file: reader.file, line: 2),
                                        "the register has a header but no mines: expected one row per coal mine")
        }
        return CoalRegister(file: reader.file, mines: mines, sha256: sha256Hex(reader.text.bytes))
    }

    private static func parse(_ h: CSVHeader, _ r: CSVRecord) -> Result<CoalMine, InputProblem> {
        func fail(_ column: String, _ message: String) -> Result<CoalMine, InputProblem> {
            .failure(InputProblem(r.location(h[column]), message))
        }
        let id = r.string(h["id"])
        guard !id.isEmpty else { return fail("id", "id: expected a mine id, found an empty cell") }
        let name = r.string(h["name"])
        guard !name.isEmpty else { return fail("name", "name: expected the mine's name, found an empty cell") }
        let county = r.string(h["county"])
        guard !county.isEmpty else { return fail("county", "county: expected a county name, found an empty cell") }
        guard let capacity = r.double(h["capacity_tpa"]), capacity > 0 else {
            return fail("capacity_tpa", "capacity_tpa: expected a positive capacity in t/yr, found \"\(r.string(h["capacity_tpa"]))\"")
        }
        let statusText = r.string(h["status"])
        guard let status = CoalMineStatus(rawValue: statusText) else {
            return fail("status", "status: expected operating or closed, found \"\(statusText)\"")
        }
        let yearText = r.string(h["closed_year"])
        let reasonText = r.string(h["reason"])
        var mine = CoalMine(id: id, name: name, county: county, capacityTpa: capacity, status: status, line: r.line)
        switch status {
        case .operating:
            guard yearText.isEmpty else {
                return fail("closed_year", "closed_year: an operating mine has no closure year, found \"\(yearText)\" (set status to closed, or empty the cell)")
            }
            guard reasonText.isEmpty else {
                return fail("reason", "reason: an operating mine has no closure reason, found \"\(reasonText)\" (set status to closed, or empty the cell)")
            }
        case .closed:
            guard let year = Int(yearText), plausibleYears.contains(year) else {
                return fail("closed_year", "closed_year: a closed mine needs the year it closed (e.g. 2015), found \"\(yearText)\"")
            }
            mine.closedYear = year
            mine.reason = reasonText.isEmpty ? nil : reasonText
        }
        return .success(mine)
    }
}
