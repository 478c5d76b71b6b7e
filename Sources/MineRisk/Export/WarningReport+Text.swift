extension WarningReport {
    /// The bureau's table: ponds by level (worst first) with their warning items, then the warning log,
    /// the findings and the summary.
    public func table(colour: Bool = false) -> String {
        var text = "Early warning as of \(asOf) (GB 39496-2020 §5.5.4; persistence \(provenance.persistence) readings)\n\n"
        var ponds = TextTable(headers: ["pond", "name", "county", "class", "level", "items (level: point value / threshold)"])
        let ordered = self.ponds.enumerated().sorted { ($0.element.level, -$0.offset) > ($1.element.level, -$1.offset) }.map(\.element)
        for pond in ordered {
            let items = pond.items.filter { $0.level != .none }.map { item -> String in
                let worst = item.points.filter { $0.level == item.level }.first ?? item.points.max { $0.level < $1.level }
                let evidence = worst.map { " \($0.id) \($0.value.map(formatNumber) ?? "–") / \($0.threshold.map(formatNumber) ?? "–")" } ?? ""
                return "\(item.item.rawValue) \(item.level)\(evidence)"
            }
            if colour, let grade = pond.level.sameColourGrade { ponds.rowColours[ponds.rows.count] = (4, ansiCode(for: grade)) }
            ponds.add([pond.id, pond.name, pond.county, String(pond.pondClass), pond.level.name, items.isEmpty ? "–" : items.joined(separator: "; ")])
        }
        text += ponds.render(colour: colour)
        text += "\nWarnings (\(warnings.count))\n" + Self.logTable(warnings)
        let findings = self.ponds.flatMap { pond in pond.findings.map { (pond.id, $0) } }
        text += "\nFindings (\(findings.count))\n"
        for (pond, finding) in findings { text += "  \(pond): \(finding)\n" }
        text += "\nPonds by level: " + WarningLevel.allCases.reversed().map { "\($0.name) \(summary.byLevel[$0.name] ?? 0)" }.joined(separator: ", ") + "\n"
        return text
    }

    /// One row per point, UTF-8 with a byte-order mark: pond, item and point levels with the evidence.
    public func csv() -> String {
        var writer = CSVWriter()
        writer.row(["as_of", "pond", "name", "county", "class", "pond_level", "item", "item_level", "point", "point_level",
                    "value", "basis", "threshold", "time", "status", "thresholds", "source"])
        for pond in ponds {
            if pond.items.isEmpty {
                writer.row([asOf, pond.id, pond.name, pond.county, String(pond.pondClass), pond.level.name, "", "", "", "", "", "", "", "", "no-points", "", ""])
            }
            for item in pond.items {
                for point in item.points {
                    writer.row([asOf, pond.id, pond.name, pond.county, String(pond.pondClass), pond.level.name, item.item.rawValue, item.level.name,
                                point.id, point.level.name, point.value.map(formatNumber) ?? "", point.basis, point.threshold.map(formatNumber) ?? "",
                                point.time ?? "", point.status, point.thresholds, point.source])
                }
            }
        }
        return writer.text
    }

    /// The warning log as a terminal table: start, peak and end of each warning, with the point that peaked.
    public static func logTable(_ warnings: [WarningSpan]) -> String {
        var log = TextTable(headers: ["pond", "item", "peak level", "start", "peak", "end", "peak point", "value", "threshold"])
        for span in warnings {
            log.add([span.pond, span.item.rawValue, span.level.name, span.start, span.peak, span.end ?? "open", span.peakPoint,
                     span.peakValue.map(formatNumber) ?? "–", span.peakThreshold.map(formatNumber) ?? "–"])
        }
        return log.render(colour: false)
    }

    /// The warning log as CSV.
    public func warningsCSV() -> String {
        var writer = CSVWriter()
        writer.row(["pond", "item", "level", "start", "peak", "end", "peak_point", "peak_value", "peak_threshold"])
        for span in warnings {
            writer.row([span.pond, span.item.rawValue, span.level.name, span.start, span.peak, span.end ?? "", span.peakPoint,
                        span.peakValue.map(formatNumber) ?? "", span.peakThreshold.map(formatNumber) ?? ""])
        }
        return writer.text
    }
}
