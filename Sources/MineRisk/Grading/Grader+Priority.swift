extension Grader {
    /// Orders the graded facilities of each grade for inspection: TOPSIS closeness to the riskiest profile.
    func assignInspectionPriority(_ results: inout [FacilityResult?], members: [Int], aggregated: AggregatedAssessments,
                                  complete: [Int], weights: [Double]) throws {
        let m = aggregated.indicators.count
        // Riskier is "better" here: risk indicators are benefits, safety indicators costs.
        let types = aggregated.indicators.map { $0.direction == .risk || $0.scale == .level ? CriterionType.benefit : .cost }
        for grade in RiskGrade.allCases {
            let group = complete.filter { results[members[$0]]!.grade == grade }
            guard !group.isEmpty else { continue }
            if group.count == 1 {
                results[members[group[0]]]!.inspectionPriority = 1
                continue
            }
            var x = Matrix(rows: group.count, columns: m)
            for (row, i) in group.enumerated() { for j in 0..<m { x[row, j] = aggregated.values[i * m + j] } }
            let ranking = try topsis(x, weights: weights, types: types, normalization: .minmax)
            for (row, i) in group.enumerated() { results[members[i]]!.inspectionPriority = ranking.rank[row] }
        }
    }
}
