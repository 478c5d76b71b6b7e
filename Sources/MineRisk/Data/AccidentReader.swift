/// Reads accidents.csv: `year,accidents,deaths`, one row per year.
public enum AccidentReader {
    static let required = ["year", "accidents", "deaths"]

    /// Reads a file of yearly counts; every problem is reported together, with file:line:column.
    public static func read(path: String) throws -> [AccidentYear] {
        var state = LoadState(skipInvalid: false)
        let years = try read(try CSVReader(path: path), state: &state)
        try state.problems.throwIfAny()
        return years
    }

    /// Reads every year; problems are recorded in `state`, with file:line:column.
    static func read(_ reader: CSVReader, state: inout LoadState) throws -> [AccidentYear] {
        var years: [AccidentYear] = []
        var seen: [Int: Int] = [:]
        try forEachDataRow(reader, required: required, state: &state) { h, r, _ in
            let yearText = r.string(h["year"])
            guard let year = Int(yearText), (1900...2100).contains(year) else {
                return InputProblem(r.location(h["year"]), "year: expected a year such as 2017, found \"\(yearText)\"")
            }
            if let line = seen[year] {
                return InputProblem(r.location(h["year"]), "year \(year) appears twice (first on line \(line))")
            }
            var counts: [Int] = []
            for column in ["accidents", "deaths"] {
                let text = r.string(h[column])
                guard let count = Int(text), count >= 0 else {
                    return InputProblem(r.location(h[column]), "\(column): expected a whole number ≥ 0, found \"\(text)\"")
                }
                counts.append(count)
            }
            seen[year] = r.line
            years.append(AccidentYear(year: year, accidents: counts[0], deaths: counts[1]))
            return nil
        }
        return years
    }
}
