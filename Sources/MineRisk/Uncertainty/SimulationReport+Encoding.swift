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
        let weightingChoice: WeightingChoice
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
            panelGroup: options.panelGroup, sensitivityCount: options.sensitivityCount, weighting: grading.weighting.label, weightingChoice: grading.weighting,
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
