extension Grader {
    /// Orders the graded facilities of each grade for inspection: TOPSIS closeness to the riskiest profile.
    func assignInspectionPriority(_ results: inout [FacilityResult?], members: [Int], aggregated: AggregatedAssessments,
                                  complete: [Int], weights: [Double]) throws {
        let m = aggregated.indicators.count
        // Riskier is "better" here: risk indicators are benefits, safety indicators costs.
        let types = aggregated.indicators.map { $0.direction == .risk || $0.scale == .level ? CriterionType.benefit : .cost }
        let grades = results.withUnsafeBufferPointer { results in complete.map { results[members[$0]]?.grade } }
        for grade in RiskGrade.allCases {
            let group = complete.indices.filter { grades[$0] == grade }.map { complete[$0] }
            guard !group.isEmpty else { continue }
            if group.count == 1 {
                results[members[group[0]]]!.inspectionPriority = 1
                continue
            }
            var storage = [Double]()
            storage.reserveCapacity(group.count * m)
            for i in group { storage.append(contentsOf: aggregated.values[(i * m)..<(i * m + m)]) }
            let x = Matrix(rows: group.count, columns: m, storage: storage)
            let ranking = try topsis(x, weights: weights, types: types, normalization: .minmax)
            for (row, i) in group.enumerated() { results[members[i]]!.inspectionPriority = ranking.rank[row] }
        }
    }
}
