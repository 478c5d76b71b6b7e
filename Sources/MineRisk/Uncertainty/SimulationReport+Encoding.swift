import Foundation

extension FacilitySimulation: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, kind, baseGrade, probabilities, modalGrade, changeProbability, vetoed, scoreMean, scoreSD
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(baseGrade, forKey: .baseGrade)
        let p = probabilities
        try c.encode(Dictionary(uniqueKeysWithValues: RiskGrade.allCases.map { ($0.rawValue, p[$0.index]) }), forKey: .probabilities)
        try c.encode(modalGrade, forKey: .modalGrade)
        try c.encode(changeProbability, forKey: .changeProbability)
        try c.encode(vetoed, forKey: .vetoed)
        try c.encode(scoreMean, forKey: .scoreMean)
        try c.encode(scoreSD, forKey: .scoreSD)
    }
}

extension SimulationReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case samples, seed, settings, facilities, sensitivity, incomplete, models, provenance
    }

    /// What shaped the run, beside the seed: enough to reproduce it.
    struct Settings: Encodable {
        let judgementSigma: Double
        let objectiveSigma: Double
        let bootstrapPanel: Bool
        let panelGroup: Int
        let sensitivityCount: Int
        let weighting: String
        let ahpMethod: AHPMethod
        let riTable: RandomIndexTable
        let fuzzyOperator: String
        let gradeRule: GradeRule
    }

    struct RunProvenance: Encodable {
        let engine: String
        /// kind → SHA-256 of its model file.
        let models: [String: String]
        let dataFiles: [String: String]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(samples, forKey: .samples)
        try c.encode(seed, forKey: .seed)
        try c.encode(Settings(
            judgementSigma: options.judgementSigma, objectiveSigma: options.objectiveSigma, bootstrapPanel: options.bootstrapPanel,
            panelGroup: options.panelGroup, sensitivityCount: options.sensitivityCount, weighting: grading.weighting.label,
            ahpMethod: grading.ahpMethod, riTable: grading.riTable,
            fuzzyOperator: "\(grading.fuzzyOperator.rawValue) \(grading.fuzzyOperator.notation)", gradeRule: grading.gradeRule),
            forKey: .settings)
        try c.encode(facilities, forKey: .facilities)
        try c.encode(sensitivity, forKey: .sensitivity)
        try c.encode(incomplete, forKey: .incomplete)
        try c.encode(models, forKey: .models)
        try c.encode(RunProvenance(engine: engineVersion, models: modelHashes, dataFiles: dataFiles), forKey: .provenance)
    }
}

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
