/// Reads monitoring/points.csv: one row per sensor, each on a known pond, with a known item, the item's
/// unit and a positive sampling interval.
struct PointsReader {
    let ponds: [String: MonitoredPond]

    static let required = ["point_id", "facility_id", "item", "unit", "interval_minutes"]
    static let optional = ["location", "installed_on"]

    func read(_ reader: CSVReader, state: inout LoadState) throws -> [MonitoringPoint] {
        var points: [MonitoringPoint] = []
        var seen: [String: Int] = [:]
        try forEachDataRow(reader, required: Self.required, optional: Self.optional, state: &state) { h, r, _ in
            let id = r.string(h["point_id"])
            guard !id.isEmpty else { return InputProblem(r.location(h["point_id"]), "point_id: expected a point id, found an empty cell") }
            if let line = seen[id] { return InputProblem(r.location(h["point_id"]), "duplicate point id \"\(id)\" (first on line \(line))") }
            let facility = r.string(h["facility_id"])
            guard ponds[facility] != nil else {
                return InputProblem(r.location(h["facility_id"]), "facility_id: expected a tailings pond of facilities.csv, found \"\(facility)\"")
            }
            let itemText = r.string(h["item"])
            guard let item = MonitoredItem(rawValue: itemText) else {
                return InputProblem(r.location(h["item"]), "unknown item \"\(itemText)\": expected one of \(MonitoredItem.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let unit = r.string(h["unit"])
            guard unit == item.unit else {
                return InputProblem(r.location(h["unit"]), "unit \"\(unit)\" does not fit \(item.rawValue): expected \(item.unit)")
            }
            let intervalText = r.string(h["interval_minutes"])
            // GB 51108-2015: sampling from once per 10 min to once per 24 h in the normal state, faster when abnormal.
            guard let interval = Int(intervalText), interval >= 1, interval <= 1440 else {
                return InputProblem(r.location(h["interval_minutes"]), "interval_minutes: expected whole minutes from 1 to 1440, found \"\(intervalText)\"")
            }
            var installed = ""
            if let column = h.column("installed_on") {
                installed = r.string(column)
                if !installed.isEmpty, parseISODay(installed) == nil {
                    return InputProblem(r.location(column), "installed_on: expected a day as yyyy-mm-dd, found \"\(installed)\"")
                }
            }
            seen[id] = r.line
            points.append(MonitoringPoint(id: id, facilityID: facility, item: item, unit: unit,
                                          location: h.column("location").map { r.string($0) } ?? "",
                                          installedOn: installed, intervalMinutes: interval))
            return nil
        }
        return points
    }
}
