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

