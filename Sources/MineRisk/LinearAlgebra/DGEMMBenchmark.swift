import Foundation

/// The machine's DGEMM rate through the engine's own BLAS: the peak the Monte Carlo kernel is measured against.
public enum DGEMMBenchmark {
    /// GFLOP/s of the best of `repeats` products of two n×n matrices (2n³ flops each), on the BLAS threads as set.
    public static func gflops(size n: Int = 3000, repeats: Int = 3) -> Double {
        var random = SplitMix64(seed: 1)
        let a = Matrix(rows: n, columns: n, storage: (0..<(n * n)).map { _ in random.nextUnit() - 0.5 })
        let b = Matrix(rows: n, columns: n, storage: (0..<(n * n)).map { _ in random.nextUnit() - 0.5 })
        _ = a.multiplied(by: b) // warm up: threads started, pages touched
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            let c = a.multiplied(by: b)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            precondition(c.rows == n)
        }
        return 2 * Double(n) * Double(n) * Double(n) / best / 1e9
    }
}

extension DGEMMBenchmark {
    /// GFLOP/s of one BLAS thread on repeated products of an m×k by a k×n matrix, as the Monte Carlo kernel
    /// makes them (one single-threaded DGEMM per worker thread): total flops over total time of calls made
    /// for about `seconds`, after one warm-up call.
    public static func threadGflops(m: Int, n: Int, k: Int, seconds: Double = 0.5) -> Double {
        var random = SplitMix64(seed: 2)
        let a = (0..<(m * k)).map { _ in random.nextUnit() }
        let b = (0..<(k * n)).map { _ in random.nextUnit() }
        var c = [Double](repeating: 0, count: m * n)
        return withSingleThreadedBLAS {
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        multiply(a, rows: m, inner: k, b, columns: n, into: c)
                        var calls = 0, elapsed: UInt64 = 0
                        while Double(elapsed) / 1e9 < seconds {
                            let start = DispatchTime.now().uptimeNanoseconds
                            multiply(a, rows: m, inner: k, b, columns: n, into: c)
                            elapsed += DispatchTime.now().uptimeNanoseconds - start
                            calls += 1
                        }
                        return 2 * Double(m) * Double(n) * Double(k) * Double(calls) / (Double(elapsed) / 1e9) / 1e9
                    }
                }
            }
        }
    }
}
