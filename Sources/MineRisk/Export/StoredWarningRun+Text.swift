extension StoredWarningRun {
    /// The run's provenance, its ponds (and, for one pond, its points) with their levels, then the warning log.
    public func table(colour: Bool = false) -> String {
        let r = run, p = run.provenance
        var text = "Warning run \(r.id) of round \(r.round): as of \(r.asOf)"
        if let from = p.from { text += ", period from \(from)" }
        text += " (saved \(r.createdAt), \(r.engine))\n"
        text += "source \(p.source); thresholds \(p.thresholdsFile) (SHA-256 \(p.thresholdsSHA256.prefix(16))…); "
        text += "readings \(r.readingsFile): \(r.readingsUsed) of \(r.readings) used; persistence \(r.persistence)\n"
        text += "Ponds by level: " + WarningLevel.allCases.reversed().map { "\($0.name) \(r.byLevel[$0.name] ?? 0)" }.joined(separator: ", ") + "\n\n"
        var table = TextTable(headers: ["pond", "item", "point", "level", "value", "basis", "threshold", "time", "status"])
        // Without a pond asked for, the table shows each pond and its items at a level; the points are in JSON and CSV.
        for level in levels where facility != nil || level.scope == .pond || (level.scope == .item && level.level != .none) {
            if colour, let grade = level.level.sameColourGrade { table.rowColours[table.rows.count] = (3, ansiCode(for: grade)) }
            table.add([level.scope == .pond ? level.pond : "", level.scope == .item ? level.item ?? "" : "", level.point ?? "",
                       level.level.name, level.value.map(formatNumber) ?? "", level.basis ?? "", level.threshold.map(formatNumber) ?? "",
                       level.time ?? "", level.status ?? ""])
        }
        text += table.render(colour: colour)
        let findings = levels.flatMap { level in (level.findings ?? []).map { (level.pond, $0) } }
        if !findings.isEmpty {
            text += "\nFindings (\(findings.count))\n"
            for (pond, finding) in findings { text += "  \(pond): \(finding)\n" }
        }
        return text + "\nWarnings (\(warnings.count))\n" + WarningReport.logTable(warnings)
    }

    /// One CSV table of the run: a row per level (`record` = level: pond, item or point) and a row per warning of
    /// the log (`record` = warning, with start, peak and end).
    public func csv() -> String {
        var writer = CSVWriter()
        writer.row(["record", "run", "round", "as_of", "scope", "pond", "item", "point", "level", "value", "basis", "threshold", "time",
                    "status", "start", "peak", "end"])
        let head = [String(run.id), run.round, run.asOf]
        for l in levels {
            writer.row(["level"] + head + [l.scope.rawValue, l.pond, l.item ?? "", l.point ?? "", l.level.name, l.value.map(formatNumber) ?? "",
                                           l.basis ?? "", l.threshold.map(formatNumber) ?? "", l.time ?? "", l.status ?? "", "", "", ""])
        }
        for w in warnings {
            writer.row(["warning"] + head + ["item", w.pond, w.item.rawValue, w.peakPoint, w.level.name, w.peakValue.map(formatNumber) ?? "", "",
                                             w.peakThreshold.map(formatNumber) ?? "", w.peak, "", w.start, w.peak, w.end ?? ""])
        }
        return writer.text
    }
}
