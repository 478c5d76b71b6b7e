extension KindEvaluator {
    /// The two-level evaluation for the non-linear operators: each criterion from its indicators with
    /// local weights, then the facility from its criteria with the criterion weights.
    func twoLevel(_ r: Matrix, count: Int, hierarchy: AHPHierarchyWeights) -> [Double] {
        var b = [Double](repeating: 0, count: count * 4)
        for i in 0..<count {
            var criteriaRows: [Double] = []
            var offset = 0
            for (c, criterion) in model.criteria.items.enumerated() {
                var rows: [Double] = []
                for j in offset..<(offset + criterion.indicators.count) { for k in 0..<4 { rows.append(r[i * 4 + k, j]) } }
                criteriaRows += fuzzyEvaluate(weights: hierarchy.local[c], memberships: rows, operator: fuzzyOperator)
                offset += criterion.indicators.count
            }
            let result = fuzzyEvaluate(weights: hierarchy.criteria, memberships: criteriaRows, operator: fuzzyOperator)
            for k in 0..<4 { b[i * 4 + k] = result[k] }
        }
        return b
    }

    func oneLevel(_ r: Matrix, count: Int, weights: [Double]) -> [Double] {
        var b = [Double](repeating: 0, count: count * 4)
        for i in 0..<count {
            var rows: [Double] = []
            for j in 0..<weights.count { for k in 0..<4 { rows.append(r[i * 4 + k, j]) } }
            let result = fuzzyEvaluate(weights: weights, memberships: rows, operator: fuzzyOperator)
            for k in 0..<4 { b[i * 4 + k] = result[k] }
        }
        return b
    }
}
