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
