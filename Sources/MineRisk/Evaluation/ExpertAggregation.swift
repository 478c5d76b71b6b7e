/// The expert values of one facility kind combined per facility and indicator.
///
/// Values are combined by expert weight, renormalised over the experts who gave a value: a weighted mean
/// for `measured` and `score` indicators; for `level` indicators the weighted share of experts voting each
/// grade (r_jk, DOMAIN §4 "Expert aggregation").
public struct AggregatedAssessments: Sendable {
    /// Facility indices (into the dataset) of this kind, in dataset order.
    public let facilities: [Int]
    public let indicators: [Indicator]
    /// Weighted mean value, row-major facilities × indicators; NaN where no expert gave a value.
    /// For `level` indicators, the weighted mean vote.
    public var values: [Double]
    /// Weighted vote shares of the `level` indicators only: facilities × level indicators × 4, the level indicators in
    /// model order (a national round's other indicators would otherwise hold three quarters of the memory as zeros).
    public var votes: [Double]
    /// Each indicator's place among the level indicators, −1 for the others.
    public let levelPosition: [Int]
    /// Distinct experts per facility.
    public var panelSize: [Int]

    /// Aggregates the assessment rows of the given facilities.
    /// - Parameters:
    ///   - table: all assessment rows of the round.
    ///   - facilities: dataset indices of the facilities of one kind.
    ///   - indicators: that kind's indicators in model order.
    ///   - expertWeights: one weight per expert of the dataset.
    ///   - rowWeights: optional per-row multiplicity (bootstrap resampling of the panel); nil means 1.
    public init(table: AssessmentTable, facilities: [Int], indicators: [Indicator], expertWeights: [Double], rowWeights: [Double]? = nil, facilityCount: Int) {
        self.facilities = facilities
        self.indicators = indicators
        let n = facilities.count, m = indicators.count
        var local = [Int32](repeating: -1, count: facilityCount)
        for (i, f) in facilities.enumerated() { local[f] = Int32(i) }
        var levelPosition = [Int](repeating: -1, count: m)
        var levels = 0
        for (j, indicator) in indicators.enumerated() where indicator.scale == .level {
            levelPosition[j] = levels
            levels += 1
        }
        var sumW = [Double](repeating: 0, count: n * m)
        var sumWX = [Double](repeating: 0, count: n * m)
        var votes = [Double](repeating: 0, count: n * levels * 4)
        // Distinct experts per facility: one bit per (facility, expert).
        let experts = expertWeights.count
        var assessed = [Bool](repeating: false, count: n * experts)
        var panelSize = [Int](repeating: 0, count: n)
        table.facility.withUnsafeBufferPointer { facility in
            table.expert.withUnsafeBufferPointer { expert in
                table.indicator.withUnsafeBufferPointer { indicator in
                    table.value.withUnsafeBufferPointer { value in
                        for row in 0..<table.count {
                            let i = local[Int(facility[row])]
                            guard i >= 0 else { continue }
                            let j = Int(indicator[row])
                            let e = Int(expert[row])
                            let w = expertWeights[e] * (rowWeights?[row] ?? 1)
                            guard w > 0 else { continue }
                            let cell = Int(i) * m + j
                            let x = value[row]
                            sumW[cell] += w
                            sumWX[cell] += w * x
                            let p = levelPosition[j]
                            if p >= 0 { votes[(Int(i) * levels + p) * 4 + Int(x) - 1] += w }
                            if !assessed[Int(i) * experts + e] {
                                assessed[Int(i) * experts + e] = true
                                panelSize[Int(i)] += 1
                            }
                        }
                    }
                }
            }
        }
        // The weighted sums become the means in place; NaN where no expert gave a value.
        for cell in 0..<(n * m) {
            guard sumW[cell] > 0 else {
                sumWX[cell] = .nan
                continue
            }
            sumWX[cell] /= sumW[cell]
            let p = levelPosition[cell % m]
            if p >= 0 { for k in 0..<4 { votes[((cell / m) * levels + p) * 4 + k] /= sumW[cell] } }
        }
        self.values = sumWX
        self.votes = votes
        self.levelPosition = levelPosition
        self.panelSize = panelSize
    }

    /// Indicator ids with no value for the facility at a local index.
    public func missing(_ i: Int) -> [String] {
        let m = indicators.count
        return (0..<m).filter { values[i * m + $0].isNaN }.map { indicators[$0].id }
    }

    /// True when every indicator has a value for the facility at a local index (`missing(i)` is empty).
    public func isComplete(_ i: Int) -> Bool {
        let m = indicators.count
        return !values[(i * m)..<(i * m + m)].contains { $0.isNaN }
    }

    /// Membership rows for the given local facilities, laid out for one matrix product:
    /// row (facility, grade), column indicator — (n·4) × m.
    public func membershipMatrix(_ rows: [Int]) -> Matrix {
        let m = indicators.count
        let functions = indicators.map { $0.scale == .level ? nil : MembershipFunction(edges: $0.edges!, direction: $0.direction) }
        let levels = levelPosition.filter { $0 >= 0 }.count
        let count = rows.count * 4 * m
        let storage = [Double](unsafeUninitializedCapacity: count) { out, initialized in
            // Blocks of facilities side by side, every element written once (a national kind's matrix is hundreds of MB).
            let block = 1024
            try? ParallelTasks(threads: nil).run((rows.count + block - 1) / block) { part in
                for position in (part * block)..<min(rows.count, (part + 1) * block) {
                    let i = rows[position], base = position * 4 * m
                    for j in 0..<m {
                        let mu: (Double, Double, Double, Double)
                        if let f = functions[j] {
                            mu = f(values[i * m + j])
                        } else {
                            let v = (i * levels + levelPosition[j]) * 4
                            mu = (votes[v], votes[v + 1], votes[v + 2], votes[v + 3])
                        }
                        out[base + j] = mu.0
                        out[base + m + j] = mu.1
                        out[base + 2 * m + j] = mu.2
                        out[base + 3 * m + j] = mu.3
                    }
                }
            }
            initialized = count
        }
        return Matrix(rows: rows.count * 4, columns: m, storage: storage)
    }
}
