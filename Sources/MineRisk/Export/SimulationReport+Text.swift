import Foundation

extension SimulationReport {
    /// A plain-text table: one line per facility with its grade probabilities, then the incomplete ones.
    public func table() -> String {
        var table = TextTable(headers: ["id", "kind", "base", "low", "general", "signif.", "major", "modal", "change", "moved most by"])
        table.rightAligned = [3, 4, 5, 6, 8]
        let sensitivityByID = Dictionary(uniqueKeysWithValues: sensitivity.map { ($0.id, $0.indicators) })
        func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        for facility in facilities {
            let p = facility.probabilities
            let moved = facility.vetoed ? "(veto)" : (sensitivityByID[facility.id] ?? []).map {
                "\($0.indicator) \($0.correlation >= 0 ? "+" : "")\(String(format: "%.2f", $0.correlation))"
            }.joined(separator: ", ")
            table.add([facility.id, facility.kind.rawValue, facility.baseGrade.rawValue, percent(p[0]), percent(p[1]), percent(p[2]),
                       percent(p[3]), facility.modalGrade.rawValue, percent(facility.changeProbability), moved])
        }
        var text = table.render()
        let changed = facilities.filter { $0.changeProbability > 0 }.count
        text += "\(samples) samples, seed \(seed): \(facilities.count) facilities simulated, \(changed) change grade in some sample"
        text += String(format: " (judgement σ %.2g on ln a_ij, objective σ %.2g, panel %@)\n", options.judgementSigma, options.objectiveSigma,
                       options.bootstrapPanel ? "resampled every \(options.panelGroup) samples" : "fixed")
        if !incomplete.isEmpty {
            text += "incomplete, not simulated (\(incomplete.count)): "
            text += incomplete.map { "\($0.id) (missing \($0.missing.joined(separator: ", ")))" }.joined(separator: "; ") + "\n"
        }
        for model in models where model.inconsistentSamples > 0 {
            text += "\(model.kind.rawValue): \(model.inconsistentSamples) of \(samples) samples had a perturbed matrix with CR ≥ 0.10 (kept)\n"
        }
        return text
    }
}
