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

    /// Grades a dataset, adding the seconds of its stages (aggregate, weight, evaluate) to `timings`.
    public func grade(_ data: Dataset, timings: inout StageTimings) throws -> GradeReport {
        var results = [FacilityResult?](repeating: nil, count: data.facilities.count)
        var weightsByKind: [String: [String: Double]] = [:]
        let expertWeights = data.experts.map(\.weight)
        var hazardsByFacility: [String: [String]] = [:]
        for hazard in data.hazards { hazardsByFacility[hazard.facilityID, default: []].append(hazard.code) }

        for kind in FacilityKind.allCases {
            let members = data.facilities.indices.filter { data.facilities[$0].kind == kind }
            guard !members.isEmpty, let loaded = models[kind] else { continue }
            let indicators = loaded.model.indicators
            let (aggregated, complete) = timings.measure("aggregate") { () -> (AggregatedAssessments, [Int]) in
                let aggregated = AggregatedAssessments(table: data.assessments, facilities: members, indicators: indicators,
                                                       expertWeights: expertWeights, facilityCount: data.facilities.count)
                return (aggregated, members.indices.filter { aggregated.missing($0).isEmpty })
            }
            let (ahp, weights) = try timings.measure("weight") { () -> (ModelWeights, [Double]) in
                let ahp = try ModelWeights(loaded, method: options.ahpMethod, riTable: options.riTable)
                return (ahp, try indicatorWeights(loaded, ahp: ahp, aggregated: aggregated, complete: complete))
            }
            weightsByKind[kind.rawValue] = Dictionary(uniqueKeysWithValues: zip(indicators.map(\.id), weights))
            let start = DispatchTime.now().uptimeNanoseconds
            defer { timings.add("evaluate", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
            let evaluation = evaluate(aggregated, rows: complete, weights: weights, ahp: ahp, model: loaded.model)
            for (local, f) in members.enumerated() {
                let facility = data.facilities[f]
                var result = baseResult(facility, vetoes: vetoCodes(facility, hazardsByFacility), panel: aggregated.panelSize[local])
                result.missing = aggregated.missing(local)
                results[f] = result
            }
            for (position, local) in complete.enumerated() {
                let f = members[local]
                var result = results[f]!
                let b = evaluation.memberships.map { Array($0[(position * 4)..<(position * 4 + 4)]) }
                result.status = .graded
                result.membership = b
                result.score = evaluation.scores[position]
                var grade = GradeBands(loaded.model.grading.bands).grade(of: evaluation.scores[position])
                if options.gradeRule == .membership, let b { grade = RiskGrade(index: b.indices.max { b[$0] < b[$1] }!) }
                // 一票否决: a major accident hazard grades the facility major whatever its score.
                if !result.vetoes.isEmpty { grade = .major }
                result.grade = grade
                results[f] = result
            }
            try assignInspectionPriority(&results, members: members, aggregated: aggregated, complete: complete, weights: weights)
        }
        let final = results.map { $0! }
        let provenance = Provenance(
            engine: engineVersion,
            models: models.models.values.sorted { $0.model.kind < $1.model.kind }.map {
                ModelProvenance(kind: $0.model.kind, file: ($0.file as NSString).lastPathComponent,
                                modelVersion: $0.model.modelVersion, sha256: $0.sha256)
            },
            riTable: options.riTable, ahpMethod: options.ahpMethod, weighting: options.weighting.label,
            fuzzyOperator: options.evaluation == .weightedSum ? "weighted-sum s = Xw" : "\(options.fuzzyOperator.rawValue) \(options.fuzzyOperator.notation)",
            gradeRule: options.gradeRule, dataDirectory: data.directory, dataFiles: data.fileHashes, blas: .current)
        return GradeReport(facilities: final, summary: GradeSummary(results: final, rejected: data.rejectedFacilities),
                           provenance: provenance, weights: weightsByKind, rejects: data.rejects)
    }

    /// The facility's fields that do not depend on its assessment: pond class, monitoring, safety degree, vetoes.
    private func baseResult(_ facility: Facility, vetoes: [String], panel: Int) -> FacilityResult {
        var result = FacilityResult(
            id: facility.id, name: facility.name, kind: facility.kind, county: facility.county,
            standardized: facility.standardized, status: .incomplete, score: nil, grade: nil, membership: nil,
            tailingsClass: nil, onlineMonitoring: nil, monitoringRequired: nil, safetyDegree: nil,
            vetoes: vetoes, missing: [], findings: [], inspectionPriority: nil, experts: panel)
        if let pond = facility.pond {
            let pondClass = TailingsClassification.pondClass(storage: pond.storageVolume, damHeight: pond.damHeight)
            let required = TailingsClassification.requiresOnlineMonitoring(pondClass: pondClass)
            result.tailingsClass = pondClass
            result.onlineMonitoring = pond.onlineMonitoring
            result.monitoringRequired = required
            result.safetyDegree = SafetyDegree.assess(pond, pondClass: pondClass)
            if required && !pond.onlineMonitoring {
                result.findings.append("class \(pondClass) pond without online monitoring (GB 39496-2020 §5.5)")
            }
            if let degree = result.safetyDegree, degree != .normal {
                result.findings.append("safety degree \(degree.rawValue) \(degree.zh) (AQ 2006-2005 §8)")
            }
        }
        return result
    }

    /// Veto codes found for a facility; a mine idle for more than six months is graded D (provincial rule, DOMAIN §8).
    private func vetoCodes(_ facility: Facility, _ hazards: [String: [String]]) -> [String] {
        var codes = hazards[facility.id] ?? []
        if facility.status == .idle && facility.idleMonths > 6 { codes.append("IDLE>6M") }
        return codes
    }
}
