extension KindEvaluator {
    /// The weighted sum s = Xw (DOMAIN §4 "Weighted sum"), one DGEMV for all facilities of a kind.
    ///
    /// X holds each indicator's own risk score on the model's 0–100 scale: its membership vector times the
    /// grade values v, i.e. the value mapped linearly between the grade peaks set by the indicator's edges
    /// (for a `level` indicator, the experts' vote shares times v). Because that map is linear in the
    /// membership, s equals the fuzzy M(·,⊕) score B·v; the weighted sum skips the membership vector.
    public func weightedSumScores(_ aggregated: AggregatedAssessments, rows: [Int], weights: [Double]) -> [Double] {
        let x = indicatorScores(aggregated.membershipMatrix(rows), count: rows.count, gradeValues: model.grading.gradeValues)
        return x.multiplied(by: weights)
    }

    /// Each indicator's risk score, facilities × indicators, from the (n·4) × m membership matrix.
    func indicatorScores(_ r: Matrix, count: Int, gradeValues v: [Double]) -> Matrix {
        var x = Matrix(rows: count, columns: r.columns)
        for i in 0..<count {
            for j in 0..<r.columns {
                var score = 0.0
                for k in 0..<4 { score += r[i * 4 + k, j] * v[k] }
                x[i, j] = score
            }
        }
        return x
    }
}
