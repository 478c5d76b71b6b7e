import Foundation

/// Grades every facility of a dataset with the models: the engine's main pipeline.
public struct Grader {
    public let models: ModelSet
    public let options: GradingOptions

    public init(models: ModelSet, options: GradingOptions = GradingOptions()) {
        self.models = models
        self.options = options
    }

    /// Grades a dataset. Incomplete facilities are listed with what is missing, never dropped.
    public func grade(_ data: Dataset) throws -> GradeReport {
        var timings = StageTimings()
        return try grade(data, timings: &timings)
    }

    /// The day whose rules apply: `--as-of`, else the round's `assessedOn`, else the run's date.
    public func asOf(_ data: Dataset) -> RoundDate {
        if let date = options.asOf { return RoundDate(date: date, from: "--as-of") }
        if let round = data.round { return RoundDate(date: round.assessedOn, from: RoundMetadata.fileName) }
        return RoundDate.today()
    }

    /// Grades a dataset, adding the seconds of its stages (aggregate, weight, evaluate, results, priority, summary) to `timings`.
    public func grade(_ data: Dataset, timings: inout StageTimings) throws -> GradeReport {
        let asOf = asOf(data)
        let duty = MonitoringDuty.inForce(on: asOf.date)
        var rules = [RuleInForce(id: "online-monitoring-duty", text: duty.text, source: duty.source)]
        var results = [FacilityResult?](repeating: nil, count: data.facilities.count)
        var weightsByKind: [String: [String: Double]] = [:]
        var consistency: [FacilityKind: ModelConsistency] = [:]
        var hazardsByFacility: [String: [HazardFinding]] = [:]
        for hazard in data.hazards { hazardsByFacility[hazard.facilityID, default: []].append(hazard) }

        // The kinds' expert values are combined side by side (each pass reads the whole assessment table).
        var setups = timings.measure("aggregate") { setUpAll(data) }
        for k in setups.indices {
            guard let setup = setups[k] else { continue }
            setups[k] = nil // each kind's combined values are let go once it is graded
            let kind = setup.kind
            let (loaded, members, aggregated, complete) = (setup.loaded, setup.members, setup.aggregated, setup.complete)
            let vetoes = VetoAssessor(model: loaded.model, date: asOf.date)
            rules.append(vetoes.rule)
            let indicators = loaded.model.indicators
            let (ahp, weights) = try timings.measure("weight") { () -> (ModelWeights, [Double]) in
                let ahp = try ModelWeights(loaded, method: options.ahpMethod, riTable: options.riTable)
                return (ahp, try indicatorWeights(setup, ahp: ahp))
            }
            consistency[kind] = ahp.consistency
            weightsByKind[kind.rawValue] = Dictionary(uniqueKeysWithValues: zip(indicators.map(\.id), weights))
            let start = DispatchTime.now().uptimeNanoseconds
            let hierarchy = options.weighting == .ahp ? AHPHierarchyWeights(criteria: ahp.criteria.weights, local: ahp.local.map(\.weights)) : nil
            let evaluation = KindEvaluator(model: loaded.model, method: options.evaluation, fuzzyOperator: options.fuzzyOperator,
                                           hierarchy: hierarchy).evaluate(aggregated, rows: complete, weights: weights)
            timings.add("evaluate", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            let bands = GradeBands(loaded.model.grading.bands)
            let built = DispatchTime.now().uptimeNanoseconds
            // Each member's result is built once: its fields, its vetoes and, when complete, its evaluation; blocks of
            // members side by side, each result written at its own facility's index.
            var positions = [Int](repeating: -1, count: members.count)
            for (position, local) in complete.enumerated() { positions[local] = position }
            let block = 1024
            results.withUnsafeMutableBufferPointer { out in
                try? ParallelTasks(threads: nil).run((members.count + block - 1) / block) { part in
                    for local in (part * block)..<min(members.count, (part + 1) * block) {
                        let facility = data.facilities[members[local]]
                        var result = baseResult(facility, duty: duty, panel: aggregated.panelSize[local])
                        let found = vetoes.assess(facility, hazards: hazardsByFacility[facility.id] ?? [])
                        result.vetoes = found.vetoes
                        if !found.findings.isEmpty { result.findings += found.findings }
                        result.missing = aggregated.missing(local)
                        let position = positions[local]
                        if position >= 0 {
                            let b = evaluation.memberships.map { Array($0[(position * 4)..<(position * 4 + 4)]) }
                            result.status = .graded
                            result.membership = b
                            result.score = evaluation.scores[position]
                            result.criteria = evaluation.criteria[position]
                            result.grade = bands.grade(of: evaluation.scores[position])
                            result.gradedBy = .score
                            if options.gradeRule == .membership, let b {
                                result.grade = RiskGrade.ofMaximumMembership(b)
                                result.gradedBy = .membership
                            }
                        }
                        result.applyOverrides()
                        out[members[local]] = result
                    }
                }
            }
            timings.add("results", Double(DispatchTime.now().uptimeNanoseconds - built) / 1e9)
            try timings.measure("priority") {
                try assignInspectionPriority(&results, members: members, aggregated: aggregated, complete: complete, weights: weights)
            }
        }
        let final = results.map { $0! }
        let provenance = Provenance(
            engine: engineVersion,
            models: models.provenance(consistency: consistency),
            riTable: options.riTable, ahpMethod: options.ahpMethod, weightingChoice: options.weighting,
            fuzzyOperator: options.evaluation == .weightedSum ? "weighted-sum s = Xw" : "\(options.fuzzyOperator.rawValue) \(options.fuzzyOperator.notation)",
            gradeRule: options.gradeRule, asOf: asOf, rules: rules,
            dataDirectory: data.directory, dataDigests: data.digests, blas: .current)
        let summary = timings.measure("summary") { GradeSummary(results: final, rejected: data.rejectedFacilities) }
        return GradeReport(facilities: final, summary: summary,
                           provenance: provenance, weights: weightsByKind, rejects: data.rejects)
    }

    /// The facility's fields that do not depend on its assessment: those its kind's rules fill (a pond's class, monitoring
    /// duty and safety degree).
    private func baseResult(_ facility: Facility, duty: MonitoringDuty, panel: Int) -> FacilityResult {
        var result = FacilityResult(
            id: facility.id, name: facility.name, kind: facility.kind, county: facility.county,
            standardized: facility.standardized, status: .incomplete, score: nil, grade: nil, membership: nil,
            tailingsClass: nil, onlineMonitoring: nil, monitoringRequired: nil, safetyDegree: nil,
            vetoes: [], missing: [], findings: [], inspectionPriority: nil, experts: panel)
        for rule in facility.kind.profile.rules { rule.apply(to: &result, facility: facility, duty: duty) }
        return result
    }
}

extension FacilityResult {
    /// A veto, then a 危库 or 险库 safety degree, grade the facility major whatever its score and whether or not
    /// its assessment is complete (DOMAIN §5: a veto decides the grade by itself).
    mutating func applyOverrides() {
        if !vetoes.isEmpty {
            status = .graded
            grade = .major
            gradedBy = .veto
        } else if let degree = safetyDegree, degree.gradesMajor {
            status = .graded
            grade = .major
            gradedBy = .safetyDegree
        }
    }
}
