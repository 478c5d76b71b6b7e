import Foundation

/// A group of consecutive samples of the current chunk that share one resampled panel.
struct PanelGroup {
    /// First sample of the group, counted from the chunk's first sample.
    let offset: Int
    let count: Int
    /// Expert weight × multiplicity in the resampled panel; nil when the panel is not resampled.
    let expertWeights: [Double]?
}

/// What the products of a kernel run did: their flops and the seconds spent inside them, in all and for
/// the sensitivities' products alone.
struct KernelCost {
    var flops = 0.0
    var productSeconds = 0.0
    var sensitivityFlops = 0.0
    var sensitivitySeconds = 0.0

    static func += (total: inout KernelCost, part: KernelCost) {
        total.flops += part.flops
        total.productSeconds += part.productSeconds
        total.sensitivityFlops += part.sensitivityFlops
        total.sensitivitySeconds += part.sensitivitySeconds
    }
}

/// The blocked Monte Carlo kernel on one tile of facilities of one kind: for each panel group of the
/// chunk, B = R·W is one DGEMM of a block's (facilities·4) × m memberships with the m × samples
/// weights, graded while it is hot in cache.
///
/// The sensitivities need Σₛ dₛ·Δwₛ per facility, d being the score's departure from the base score.
/// A facility's memberships sum to 1 over the grades for each indicator and the weights to 1, so its
/// score in sample s is r·wₛ, with r = Σ_g v_g·R_g (R's four rows weighted by the grade values), and
/// Σₛ dₛ·Δwₛ = r·M − base·ΣₛΔwₛ with M = Σₛ wₛ·Δwₛᵀ, an m × m matrix the whole kind shares for the
/// group (`KindPlan.recordChunkWeights`). So the second product is (block × m) by (m × m), not
/// (block × samples) by (samples × m): the same sums, up to rounding, for a fifth of the flops.
struct MonteCarloKernel {
    /// Facilities per product, counted from the kind's first facility: every DGEMM covers one whole block,
    /// whatever the tile, so a facility's sums come from a product of the same shape, at the same place in
    /// it, in every run. OpenBLAS 0.3.21 rounds an element of C differently with the product's shape: its
    /// SkylakeX DGEMM takes the small-matrix kernels only while M·N·K ≤ 100³
    /// (kernel/x86_64/dgemm_small_kernel_permit_skylakex.c), and the edge rows of C that the Prescott
    /// (gemm_kernel_4x4_sse3.S) and Haswell (dgemm_kernel_4x8_haswell.S) kernels take apart are rounded
    /// otherwise (measured figures in MineRisk.docc/MonteCarlo.md, "Reproducibility").
    static let blockFacilities = 128

    let plan: KindPlan

    /// Processes facilities `tile` (rows of the plan) for every group; returns what the products cost.
    /// A block that the tile covers only in part is multiplied whole and only the tile's facilities tallied.
    func run(tile: Range<Int>, groups: [PanelGroup]) -> KernelCost {
        let m = plan.indicatorCount
        let size = Self.blockFacilities
        let rows = min(size, plan.rows)
        let widest = groups.map(\.count).max() ?? 0
        let memberships = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * 4 * m)
        let products = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * 4 * widest)
        let scores = UnsafeMutableBufferPointer<Double>.allocate(capacity: widest)
        let reduced = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * m)
        let blockCross = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows * m)
        blockCross.initialize(repeating: 0)
        defer {
            memberships.deallocate()
            products.deallocate()
            scores.deallocate()
            reduced.deallocate()
            blockCross.deallocate()
        }
        var cost = KernelCost()
        // B is accumulated into (β = 1): zeroed here once, then left zeroed by the pass that grades it, which
        // has just loaded those lines — no separate clearing pass over B before each product.
        let cleared = DispatchTime.now().uptimeNanoseconds
        products.initialize(repeating: 0)
        cost.productSeconds += Double(DispatchTime.now().uptimeNanoseconds - cleared) / 1e9
        plan.baseMemberships.withUnsafeBufferPointer { base in
            for first in stride(from: tile.lowerBound / size * size, to: tile.upperBound, by: size) {
                let block = first..<min(first + size, plan.rows)
                let part = max(block.lowerBound, tile.lowerBound)..<min(block.upperBound, tile.upperBound)
                for group in groups {
                    let r: UnsafePointer<Double>
                    if let weights = group.expertWeights, let cells = plan.cells {
                        weights.withUnsafeBufferPointer { w in
                            cells.memberships(block, expertWeights: w, evaluations: plan.evaluations,
                                              base: base.baseAddress!, into: memberships.baseAddress!)
                        }
                        r = UnsafePointer(memberships.baseAddress!)
                    } else {
                        r = base.baseAddress! + block.lowerBound * 4 * m
                    }
                    cost += multiplyAndTally(block: block, part: part, group: group, r: r, products: products.baseAddress!,
                                             scores: scores.baseAddress!, reduced: reduced.baseAddress!,
                                             blockCross: blockCross.baseAddress!)
                }
            }
        }
        return cost
    }

    /// One group on one block: B = R·W, graded for the facilities `part` of the block, then their
    /// sensitivities' sums; returns what the two products cost.
    private func multiplyAndTally(block: Range<Int>, part: Range<Int>, group: PanelGroup, r: UnsafePointer<Double>,
                                  products: UnsafeMutablePointer<Double>, scores: UnsafeMutablePointer<Double>,
                                  reduced: UnsafeMutablePointer<Double>, blockCross: UnsafeMutablePointer<Double>) -> KernelCost {
        let m = plan.indicatorCount
        let rows = block.count, p = group.count
        let skipped = part.lowerBound - block.lowerBound
        var cost = KernelCost()
        // Only the two DGEMMs are timed: the kernel's GFLOP/s are theirs, drawing and grading apart.
        let start = DispatchTime.now().uptimeNanoseconds
        multiply(r, rows: rows * 4, inner: m, lda: m,
                 UnsafePointer(plan.chunkWeights.baseAddress! + group.offset), columns: p, ldb: plan.chunkCapacity,
                 into: products, ldc: p, accumulate: true)
        let middle = DispatchTime.now().uptimeNanoseconds
        tally(tile: part, count: p, products: products + skipped * 4 * p, scores: scores)
        // The rows of the block outside the tile are not graded: cleared for the next product all the same.
        products.update(repeating: 0, count: skipped * 4 * p)
        (products + (part.upperBound - block.lowerBound) * 4 * p).update(repeating: 0, count: (block.upperBound - part.upperBound) * 4 * p)
        // Sensitivities: cross += r·M − base·ΣΔw (see above), r·M of the whole block accumulated into its own
        // buffer, zeroed as B is: by the pass that adds it to the tallies.
        reduce(r, rows: rows, into: reduced)
        let g = group.offset / plan.panelGroup
        let resumed = DispatchTime.now().uptimeNanoseconds
        multiply(UnsafePointer(reduced), rows: rows, inner: m, lda: m,
                 UnsafePointer(plan.groupMoments.baseAddress! + g * m * m), columns: m, ldb: m,
                 into: blockCross, ldc: m, accumulate: true)
        let end = DispatchTime.now().uptimeNanoseconds
        let departureSums = plan.groupDepartureSums.baseAddress! + g * m
        for i in part {
            let base = plan.baseScores[i]
            let cross = plan.cross.baseAddress! + i * m
            let product = blockCross + (i - block.lowerBound) * m
            for j in 0..<m {
                cross[j] += product[j]
                cross[j] -= base * departureSums[j]
                product[j] = 0
            }
        }
        blockCross.update(repeating: 0, count: skipped * m)
        (blockCross + (part.upperBound - block.lowerBound) * m).update(repeating: 0, count: (block.upperBound - part.upperBound) * m)
        cost.productSeconds += Double((middle - start) + (end - resumed)) / 1e9
        cost.flops += 2 * Double(rows * 4 * m * p) + 2 * Double(rows * m * m)
        cost.sensitivitySeconds += Double(end - resumed) / 1e9
        cost.sensitivityFlops += 2 * Double(rows * m * m)
        return cost
    }

    /// r = Σ_g v_g·R_g for each facility of the tile: its four membership rows weighted by the grade values.
    private func reduce(_ r: UnsafePointer<Double>, rows: Int, into out: UnsafeMutablePointer<Double>) {
        let m = plan.indicatorCount
        let v0 = plan.gradeValues[0], v1 = plan.gradeValues[1], v2 = plan.gradeValues[2], v3 = plan.gradeValues[3]
        for t in 0..<rows {
            let r0 = r + 4 * t * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m
            let o = out + t * m
            for j in 0..<m { o[j] = r0[j] * v0 + r1[j] * v1 + r2[j] * v2 + r3[j] * v3 }
        }
    }

    /// Grades each (facility, sample) of a product B: normalises B, scores it as the grader does, counts
    /// the grade, and sums the score's departure from the facility's base score and its square. Leaves B
    /// zeroed for the next product.
    private func tally(tile: Range<Int>, count p: Int, products: UnsafeMutablePointer<Double>,
                       scores d: UnsafeMutablePointer<Double>) {
        let v0 = plan.gradeValues[0], v1 = plan.gradeValues[1], v2 = plan.gradeValues[2], v3 = plan.gradeValues[3]
        let top0 = plan.bandTops[0], top1 = plan.bandTops[1], top2 = plan.bandTops[2]
        let byScore = plan.rule == .score
        for (t, i) in tile.enumerated() {
            let b0 = products + 4 * t * p, b1 = b0 + p, b2 = b1 + p, b3 = b2 + p
            let base = plan.baseScores[i]
            var n0 = 0, n1 = 0, n2 = 0, n3 = 0
            var sum = 0.0, squares = 0.0
            if byScore {
                // Pass 1, vectorisable: the score of every sample.
                for s in 0..<p {
                    let x0 = b0[s], x1 = b1[s], x2 = b2[s], x3 = b3[s]
                    // B normalised to sum 1, then B·v: one division for the four (the grader divides each).
                    let total = x0 + x1 + x2 + x3
                    let dot = x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3
                    d[s] = total > 0 ? dot / total : dot
                }
                b0.update(repeating: 0, count: 4 * p) // the facility's four rows, still in L1
                // Pass 2: grades counted, departures from the base score summed in four fixed lanes.
                // GradeBands: the first band whose top the score is below; bands ascend, so counting the tops
                // above the score gives 3 − grade.
                var lanes = (0.0, 0.0, 0.0, 0.0), squareLanes = (0.0, 0.0, 0.0, 0.0)
                var s = 0
                @inline(__always) func grade(_ score: Double) -> Double {
                    n0 &+= score < top0 ? 1 : 0
                    n1 &+= score < top1 ? 1 : 0
                    n2 &+= score < top2 ? 1 : 0
                    return score - base
                }
                while s + 4 <= p {
                    let e0 = grade(d[s]), e1 = grade(d[s + 1]), e2 = grade(d[s + 2]), e3 = grade(d[s + 3])
                    lanes.0 += e0; lanes.1 += e1; lanes.2 += e2; lanes.3 += e3
                    squareLanes.0 += e0 * e0; squareLanes.1 += e1 * e1; squareLanes.2 += e2 * e2; squareLanes.3 += e3 * e3
                    s += 4
                }
                while s < p {
                    let e = grade(d[s])
                    lanes.0 += e
                    squareLanes.0 += e * e
                    s += 1
                }
                sum = (lanes.0 + lanes.1) + (lanes.2 + lanes.3)
                squares = (squareLanes.0 + squareLanes.1) + (squareLanes.2 + squareLanes.3)
                let counts = plan.counts.baseAddress! + 4 * i
                counts[0] += n0
                counts[1] += n1 - n0
                counts[2] += n2 - n1
                counts[3] += p - n2
            } else {
                for s in 0..<p {
                    let x0 = b0[s], x1 = b1[s], x2 = b2[s], x3 = b3[s]
                    let total = x0 + x1 + x2 + x3
                    let dot = x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3
                    let score = total > 0 ? dot / total : dot
                    // Maximum membership (normalising by a positive total keeps the order), the first grade winning a tie (as the grader's max(by:)).
                    var grade = 0, best = x0
                    if x1 > best { grade = 1; best = x1 }
                    if x2 > best { grade = 2; best = x2 }
                    if x3 > best { grade = 3 }
                    n0 &+= grade == 0 ? 1 : 0
                    n1 &+= grade == 1 ? 1 : 0
                    n2 &+= grade == 2 ? 1 : 0
                    n3 &+= grade == 3 ? 1 : 0
                    let departure = score - base
                    sum += departure
                    squares += departure * departure
                }
                b0.update(repeating: 0, count: 4 * p)
                let counts = plan.counts.baseAddress! + 4 * i
                counts[0] += n0
                counts[1] += n1
                counts[2] += n2
                counts[3] += n3
            }
            plan.scoreSum[i] += sum
            plan.scoreSquares[i] += squares
        }
    }
}
