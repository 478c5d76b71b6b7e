import Foundation

/// AHP priorities of a batch of pairwise matrices of one order: the eigen-solves of a Monte Carlo run.
///
/// The matrices are positive, so the principal (Perron) eigenvector is simple and dominant; power
/// iteration started from the geometric-mean vector converges in a few steps for matrices of the sizes
/// AHP uses (n ≤ 15). A matrix that has not converged after `maximumIterations` is solved by `dgeev`.
/// The geometric-mean and sum-product methods are closed forms, solved in the same batches.
struct PerronBatch {
    /// Largest change of a normalised component between two iterations that counts as converged.
    static let tolerance = 1e-14
    static let maximumIterations = 500

    let order: Int
    let method: AHPMethod

    /// Solves `count` row-major n×n matrices stored one after another.
    /// - Parameters:
    ///   - matrices: count·n·n judgements.
    ///   - weights: receives count·n priorities, each vector summing to 1.
    ///   - lambdas: receives count λmax estimates.
    func solve(_ matrices: UnsafeBufferPointer<Double>, count: Int,
               weights: UnsafeMutableBufferPointer<Double>, lambdas: UnsafeMutableBufferPointer<Double>) throws {
        let n = order
        precondition(matrices.count >= count * n * n && weights.count >= count * n && lambdas.count >= count)
        if n == 1 {
            for b in 0..<count { weights[b] = 1; lambdas[b] = 1 }
            return
        }
        try withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n) { scratch in
            for b in 0..<count {
                let a = UnsafeBufferPointer(rebasing: matrices[(b * n * n)..<((b + 1) * n * n)])
                let w = UnsafeMutableBufferPointer(rebasing: weights[(b * n)..<((b + 1) * n)])
                switch method {
                case .geometricMean:
                    geometricMean(a, into: w)
                    lambdas[b] = meanRatio(a, w, scratch)
                case .arithmeticMean:
                    arithmeticMean(a, into: w, scratch)
                    lambdas[b] = meanRatio(a, w, scratch)
                case .eigenvector:
                    geometricMean(a, into: w)
                    if let lambda = powerIteration(a, w, scratch) {
                        lambdas[b] = lambda
                    } else {
                        let exact = try ahpPriorities(Matrix(rows: n, columns: n, storage: Array(a)), method: .eigenvector)
                        for i in 0..<n { w[i] = exact.weights[i] }
                        lambdas[b] = exact.lambdaMax
                    }
                }
            }
        }
    }

    /// The normalised geometric means of the rows (Crawford & Williams 1985).
    private func geometricMean(_ a: UnsafeBufferPointer<Double>, into w: UnsafeMutableBufferPointer<Double>) {
        let n = order
        var sum = 0.0
        for i in 0..<n {
            var logSum = 0.0
            for j in 0..<n { logSum += log(a[i * n + j]) }
            w[i] = exp(logSum / Double(n))
            sum += w[i]
        }
        for i in 0..<n { w[i] /= sum }
    }

    /// The sum-product method (和积法, DOMAIN §3): columns normalised to sum 1, rows averaged, as `ahpPriorities` does.
    private func arithmeticMean(_ a: UnsafeBufferPointer<Double>, into w: UnsafeMutableBufferPointer<Double>,
                                _ scratch: UnsafeMutableBufferPointer<Double>) {
        let n = order
        for j in 0..<n {
            var sum = 0.0
            for i in 0..<n { sum += a[i * n + j] }
            scratch[j] = sum
        }
        for i in 0..<n {
            var total = 0.0
            for j in 0..<n { total += a[i * n + j] / scratch[j] }
            w[i] = total / Double(n)
        }
    }

    /// λ estimated as the mean of (Aw)_i / w_i, as `approximateLambdaMax` does for the approximate methods.
    private func meanRatio(_ a: UnsafeBufferPointer<Double>, _ w: UnsafeMutableBufferPointer<Double>,
                           _ scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = order
        var total = 0.0
        for i in 0..<n {
            var y = 0.0
            for j in 0..<n { y += a[i * n + j] * w[j] }
            total += y / w[i]
        }
        return total / Double(n)
    }

    /// Iterates w ← Aw / Σ(Aw); returns λmax = Σ(Aw) at convergence (w sums to 1), or nil.
    private func powerIteration(_ a: UnsafeBufferPointer<Double>, _ w: UnsafeMutableBufferPointer<Double>,
                                _ scratch: UnsafeMutableBufferPointer<Double>) -> Double? {
        let n = order
        for _ in 0..<Self.maximumIterations {
            var lambda = 0.0
            for i in 0..<n {
                var y = 0.0
                for j in 0..<n { y += a[i * n + j] * w[j] }
                scratch[i] = y
                lambda += y
            }
            var change = 0.0
            for i in 0..<n {
                let next = scratch[i] / lambda
                change = max(change, abs(next - w[i]))
                w[i] = next
            }
            if change < Self.tolerance { return lambda }
        }
        return nil
    }
}
