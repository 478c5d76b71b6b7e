/// The expert values of the simulated facilities of one kind, grouped by (facility, indicator) cell in
/// file order, so that a resampled panel's memberships can be recomputed tile by tile.
struct PanelCells {
    let rows: Int
    let indicatorCount: Int
    /// Offsets of each cell's entries: cell (i, j) owns entries start[i·m + j] ..< start[i·m + j + 1].
    let start: [Int]
    let expert: [Int32]
    let value: [Double]

    /// Groups the assessment rows of the facilities `facilities` (dataset indices, in simulation order).
    init(table: AssessmentTable, facilities: [Int], indicatorCount m: Int, facilityCount: Int) {
        rows = facilities.count
        indicatorCount = m
        var local = [Int32](repeating: -1, count: facilityCount)
        for (i, f) in facilities.enumerated() { local[f] = Int32(i) }
        var start = [Int](repeating: 0, count: facilities.count * m + 1)
        for row in 0..<table.count {
            let i = local[Int(table.facility[row])]
            if i >= 0 { start[Int(i) * m + Int(table.indicator[row]) + 1] += 1 }
        }
        for cell in 0..<(facilities.count * m) { start[cell + 1] += start[cell] }
        var fill = start
        var expert = [Int32](repeating: 0, count: start.last!)
        var value = [Double](repeating: 0, count: start.last!)
        for row in 0..<table.count {
            let i = local[Int(table.facility[row])]
            guard i >= 0 else { continue }
            let cell = Int(i) * m + Int(table.indicator[row])
            expert[fill[cell]] = table.expert[row]
            value[fill[cell]] = table.value[row]
            fill[cell] += 1
        }
        self.start = start
        self.expert = expert
        self.value = value
    }

    /// How an indicator's combined values become memberships.
    enum Evaluation {
        /// Weighted shares of the grade votes 1…4.
        case votes
        /// The membership function of the weighted mean value.
        case function(MembershipFunction)
    }

    /// Writes the membership rows (4 per facility, one column per indicator) of facilities `range` as a
    /// panel weighted by `expertWeights` makes them — the same sums, in the same order, as
    /// `AggregatedAssessments` with row weights. A cell none of whose experts is in the panel keeps its
    /// row of `base` (the memberships of the full panel).
    func memberships(_ range: Range<Int>, expertWeights: UnsafeBufferPointer<Double>, evaluations: [Evaluation],
                     base: UnsafePointer<Double>, into r: UnsafeMutablePointer<Double>) {
        let m = indicatorCount
        let isVotes = evaluations.map { if case .votes = $0 { return true } else { return false } }
        let functions = evaluations.map { evaluation -> MembershipFunction in
            if case let .function(f) = evaluation { return f }
            return MembershipFunction(edges: [0, 1, 2], direction: .risk) // unused for votes
        }
        start.withUnsafeBufferPointer { start in
            expert.withUnsafeBufferPointer { expert in
                value.withUnsafeBufferPointer { value in
                    for i in range {
                        let out = r + (i - range.lowerBound) * 4 * m
                        let baseRows = base + i * 4 * m
                        for j in 0..<m {
                            let cell = i * m + j
                            var sumW = 0.0, sumWX = 0.0
                            var votes = (0.0, 0.0, 0.0, 0.0)
                            for entry in start[cell]..<start[cell + 1] {
                                let w = expertWeights[Int(expert[entry])]
                                guard w > 0 else { continue }
                                let x = value[entry]
                                sumW += w
                                sumWX += w * x
                                if isVotes[j] {
                                    switch Int(x) {
                                    case 1: votes.0 += w
                                    case 2: votes.1 += w
                                    case 3: votes.2 += w
                                    default: votes.3 += w
                                    }
                                }
                            }
                            let mu: (Double, Double, Double, Double)
                            if sumW == 0 {
                                mu = (baseRows[j], baseRows[m + j], baseRows[2 * m + j], baseRows[3 * m + j])
                            } else {
                                mu = isVotes[j] ? (votes.0 / sumW, votes.1 / sumW, votes.2 / sumW, votes.3 / sumW)
                                    : functions[j](sumWX / sumW)
                            }
                            out[j] = mu.0
                            out[m + j] = mu.1
                            out[2 * m + j] = mu.2
                            out[3 * m + j] = mu.3
                        }
                    }
                }
            }
        }
    }
}
