import Foundation

/// One facility's grade over the samples.
public struct FacilitySimulation: Sendable, Equatable {
    public let id: String
    public let kind: FacilityKind
    public let baseGrade: RiskGrade
    /// Samples graded low, general, significant, major.
    public let counts: [Int]
    /// A veto grades the facility major in every sample.
    public let vetoed: Bool
    /// Mean and standard deviation of the risk score over the samples; nil for a vetoed facility.
    public let scoreMean: Double?
    public let scoreSD: Double?

    public var samples: Int { counts.reduce(0, +) }
    public var probabilities: [Double] { counts.map { Double($0) / Double(samples) } }

    /// The most frequent grade; a tie goes to the riskier grade.
    public var modalGrade: RiskGrade {
        var best = 0
        for k in 1..<4 where counts[k] >= counts[best] { best = k }
        return RiskGrade(index: best)
    }

    /// The share of samples whose grade differs from the grading run's.
    public var changeProbability: Double { Double(samples - counts[baseGrade.index]) / Double(samples) }
}

/// How strongly one indicator's weight moves a facility's risk score over the samples.
public struct IndicatorSensitivity: Sendable, Equatable, Codable {
    public let indicator: String
    /// Pearson correlation of the indicator's weight with the facility's risk score.
    public let correlation: Double
}

/// The indicators whose weights move a facility's grade most.
public struct FacilitySensitivity: Sendable, Equatable, Codable {
    public let id: String
    public let indicators: [IndicatorSensitivity]
}

/// A facility left out of the simulation because its assessment is incomplete.
public struct IncompleteFacility: Sendable, Equatable, Codable {
    public let id: String
    public let missing: [String]
}

/// Per model: how many samples had a perturbed judgement matrix with CR ≥ 0.10 (kept, and counted).
public struct ModelSimulationSummary: Sendable, Equatable, Codable {
    public let kind: FacilityKind
    public let facilities: Int
    public let inconsistentSamples: Int
}

/// The result of a Monte Carlo run: the same seed and options give the same report, byte for byte.
public struct SimulationReport: Sendable, Equatable {
    public let samples: Int
    public let seed: UInt64
    public let options: SimulationOptions
    public let grading: GradingOptions
    public let facilities: [FacilitySimulation]
    public let sensitivity: [FacilitySensitivity]
    public let incomplete: [IncompleteFacility]
    public let models: [ModelSimulationSummary]
    public let modelHashes: [String: String]
    public let dataFiles: [String: String]

    init(data: Dataset, base: GradeReport, plans: [KindPlan], options: SimulationOptions, grading: GradingOptions, models: ModelSet) {
        samples = options.samples
        seed = options.seed
        self.options = options
        self.grading = grading
        var byFacility: [String: (plan: KindPlan, row: Int)] = [:]
        for plan in plans { for (row, f) in plan.facilities.enumerated() { byFacility[data.facilities[f].id] = (plan, row) } }
        var facilities: [FacilitySimulation] = []
        var sensitivity: [FacilitySensitivity] = []
        var incomplete: [IncompleteFacility] = []
        let n = Double(options.samples)
        for result in base.facilities {
            guard result.status == .graded, let grade = result.grade else {
                incomplete.append(IncompleteFacility(id: result.id, missing: result.missing))
                continue
            }
            guard let (plan, row) = byFacility[result.id] else {
                // 一票否决: a vetoed facility is major in every sample.
                facilities.append(FacilitySimulation(id: result.id, kind: result.kind, baseGrade: grade,
                                                     counts: [0, 0, 0, options.samples], vetoed: true, scoreMean: nil, scoreSD: nil))
                continue
            }
            let counts = (0..<4).map { plan.counts[row * 4 + $0] }
            let meanDeparture = plan.scoreSum[row] / n
            let scoreVariance = max(0, plan.scoreSquares[row] / n - meanDeparture * meanDeparture)
            let simulation = FacilitySimulation(
                id: result.id, kind: result.kind, baseGrade: grade, counts: counts, vetoed: false,
                scoreMean: plan.baseScores[row] + meanDeparture, scoreSD: scoreVariance.squareRoot())
            facilities.append(simulation)
            if simulation.changeProbability > 0, options.sensitivityCount > 0 {
                sensitivity.append(FacilitySensitivity(id: result.id, indicators: Self.sensitivities(plan, row: row, samples: n, count: options.sensitivityCount)))
            }
        }
        self.facilities = facilities
        self.sensitivity = sensitivity
        self.incomplete = incomplete
        self.models = plans.map { plan in
            ModelSimulationSummary(kind: plan.kind, facilities: plan.rows, inconsistentSamples: plan.inconsistentSamples)
        }
        modelHashes = Dictionary(uniqueKeysWithValues: models.models.values.map { ($0.model.kind.rawValue, $0.sha256) })
        dataFiles = data.fileHashes
    }

    /// corr(w_j, score) over the samples for each indicator, strongest first (ties in model order).
    private static func sensitivities(_ plan: KindPlan, row: Int, samples n: Double, count: Int) -> [IndicatorSensitivity] {
        let m = plan.indicatorCount
        let meanD = plan.scoreSum[row] / n
        let sdD = max(0, plan.scoreSquares[row] / n - meanD * meanD).squareRoot()
        guard sdD > 0 else { return [] }
        var entries: [(j: Int, r: Double)] = []
        for j in 0..<m {
            let meanW = plan.weightSum[j] / n
            let sdW = max(0, plan.weightSquares[j] / n - meanW * meanW).squareRoot()
            guard sdW > 0 else { continue }
            let covariance = plan.cross[row * m + j] / n - meanD * meanW
            entries.append((j, min(1, max(-1, covariance / (sdD * sdW)))))
        }
        entries.sort { abs($0.r) != abs($1.r) ? abs($0.r) > abs($1.r) : $0.j < $1.j }
        return entries.prefix(count).map { IndicatorSensitivity(indicator: plan.indicators[$0.j].id, correlation: $0.r) }
    }
}
