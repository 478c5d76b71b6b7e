/// Coal mines and capacity before and after a closure scenario, as the report draws them.
public struct CoalCapacityComparison: Sendable, Equatable, Codable {
    /// Mines and approved capacity of one group (a county, or all).
    public struct Counts: Sendable, Equatable, Codable {
        public var mines: Int
        /// Capacity in t/yr (shown in 万吨/年).
        public var capacityTpa: Double

        public init(mines: Int, capacityTpa: Double) {
            self.mines = mines
            self.capacityTpa = capacityTpa
        }
    }

    /// One county's mines and capacity before and after.
    public struct County: Sendable, Equatable, Codable {
        public var county: String
        public var baseline: Counts
        public var remaining: Counts

        public init(county: String, baseline: Counts, remaining: Counts) {
            self.county = county
            self.baseline = baseline
            self.remaining = remaining
        }
    }

    /// What the scenario was, in a line (such as "close mines ≤ 90 000 t/yr over 3 years").
    public var scenario: String
    public var baseline: Counts
    public var remaining: Counts
    public var byCounty: [County]

    public init(scenario: String, baseline: Counts, remaining: Counts, byCounty: [County]) {
        self.scenario = scenario
        self.baseline = baseline
        self.remaining = remaining
        self.byCounty = byCounty
    }

    /// Mines closed over baseline mines (DOMAIN §6: the closure ratio is by count).
    public var closureRatio: Double? {
        baseline.mines > 0 ? Double(baseline.mines - remaining.mines) / Double(baseline.mines) : nil
    }

    /// Capacity withdrawn over baseline capacity, reported beside the count ratio.
    public var capacityRatio: Double? {
        baseline.capacityTpa > 0 ? (baseline.capacityTpa - remaining.capacityTpa) / baseline.capacityTpa : nil
    }
}

/// Each facility's probability of every grade (low, general, significant, major), from a simulation.
public struct GradeProbabilities: Sendable, Equatable, Codable {
    /// Facility id → four probabilities, low first, summing to 1.
    public var byFacility: [String: [Double]]
    /// How the probabilities were made (samples, seed, what was perturbed), shown under the chart.
    public var method: String

    public init(byFacility: [String: [Double]], method: String) {
        self.byFacility = byFacility
        self.method = method
    }
}

/// Score bands shared by one or more facility kinds, for drawing the score distribution.
public struct ScoreBands: Sendable, Equatable {
    public var kinds: [FacilityKind]
    public var bands: [GradeBand]

    public init(kinds: [FacilityKind], bands: [GradeBand]) {
        self.kinds = kinds
        self.bands = bands
    }

    /// The models' bands, kinds that share the same bands drawn together.
    public static func of(_ models: ModelSet) -> [ScoreBands] {
        var groups: [ScoreBands] = []
        for kind in FacilityKind.allCases {
            guard let bands = models[kind]?.model.grading.bands else { continue }
            if let i = groups.firstIndex(where: { $0.bands == bands }) { groups[i].kinds.append(kind) } else {
                groups.append(ScoreBands(kinds: [kind], bands: bands))
            }
        }
        return groups
    }
}
