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

/// True for a valid calendar date written YYYY-MM-DD.
public func isISODate(_ text: String) -> Bool {
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
