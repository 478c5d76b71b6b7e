import Foundation

extension GradeReport {
    /// Everything but the facilities, encoded by `encodeJSON`: its keys sort after "facilities" and sit at
    /// the same depth as in the whole report.
    private struct Rest: Encodable {
        var provenance: Provenance
        var weights: [String: [String: Double]]
        var rejects: [RejectedRow]
        var summary: GradeSummary
    }

    /// Writes the report as `encodeJSON(report)` would, byte for byte, without building it in memory: the
    /// facilities are encoded on all processors a block at a time and streamed out in order.
    public func writeJSON(to sink: ByteSink, threads: Int? = nil) throws {
        provenance.dataDigests.prepare() // hashed while the facilities are written; the provenance comes after them
        sink.append("{\n  \"facilities\" : [\n")
        let facilities = self.facilities
        if facilities.isEmpty { sink.append("\n") }
        try sink.writeBlocks(count: facilities.count, threads: threads) { range, bytes in
            var json = JSONBytes(into: bytes)
            bytes = []
            for k in range {
                facilities[k].appendJSON(to: &json, level: 2)
                json.raw(k == facilities.count - 1 ? "\n" : ",\n")
            }
            bytes = json.bytes
        }
        sink.append("  ],\n")
        let rest = try encodeJSON(Rest(provenance: provenance, weights: weights, rejects: rejects, summary: summary))
        // Drop the rest's opening brace and its line feed: its keys follow the facilities.
        sink.append([UInt8](rest.dropFirst(2)))
        try sink.flush()
    }
}

extension FacilityResult {
    /// The facility as a JSON object at `level`, keys sorted as `encodeJSON` sorts them.
    func appendJSON(to json: inout JSONBytes, level: Int) {
        let l = level + 1
        json.indent(level)
        json.raw("{")
        json.key("colour", level: l, first: true); json.string(grade?.colour)
        json.key("county", level: l); json.string(county)
        json.key("criteria", level: l)
        if let criteria {
            json.array(criteria, level: l) { json, c in c.appendJSON(to: &json, level: l + 1) }
        } else {
            json.raw("null")
        }
        json.key("experts", level: l); json.integer(experts)
        json.key("findings", level: l); json.strings(findings, level: l)
        json.key("grade", level: l); json.string(grade?.rawValue)
        json.key("gradeZh", level: l); json.string(grade?.zh)
        json.key("gradedBy", level: l); json.string(gradedBy?.rawValue)
        json.key("id", level: l); json.string(id)
        json.key("inspectionPriority", level: l); json.integer(inspectionPriority)
        json.key("kind", level: l); json.string(kind.rawValue)
        json.key("letter", level: l); json.string(grade?.letter)
        json.key("membership", level: l); json.numbers(membership, level: l)
        json.key("missing", level: l); json.strings(missing, level: l)
        json.key("monitoringRequired", level: l); json.bool(monitoringRequired)
        json.key("name", level: l); json.string(name)
        json.key("onlineMonitoring", level: l); json.bool(onlineMonitoring)
        json.key("safetyDegree", level: l); json.string(safetyDegree?.rawValue)
        json.key("score", level: l); json.number(score)
        json.key("standardized", level: l); json.bool(standardized)
        json.key("status", level: l); json.string(status.rawValue)
        json.key("tailingsClass", level: l); json.integer(tailingsClass)
        json.key("vetoes", level: l)
        json.array(vetoes, level: l) { json, v in
            json.raw("{")
            json.key("code", level: l + 2, first: true); json.string(v.code)
            json.key("source", level: l + 2); json.string(v.source)
            json.key("text", level: l + 2); json.string(v.text)
            json.raw("\n"); json.indent(l + 1); json.raw("}")
        }
        json.raw("\n")
        json.indent(level)
        json.raw("}")
    }
}

extension CriterionResult {
    /// The criterion as a JSON object whose keys sit at `level` + 1 (the caller has indented its brace).
    func appendJSON(to json: inout JSONBytes, level: Int) {
        let l = level + 1
        json.raw("{")
        json.key("id", level: l, first: true); json.string(id)
        json.key("membership", level: l); json.numbers(membership, level: l)
        json.key("nameZh", level: l); json.string(nameZh)
        json.key("score", level: l); json.number(score)
        json.key("weight", level: l); json.number(weight)
        json.raw("\n")
        json.indent(level)
        json.raw("}")
    }
}
