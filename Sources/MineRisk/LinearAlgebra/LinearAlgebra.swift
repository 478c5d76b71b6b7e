import CLinearAlgebra
import Foundation

// The only file that calls CBLAS and LAPACKE: nothing else sees a pointer or an Int32.

/// What BLAS library the process runs on, for `minerisk doctor` and every result's provenance.
public struct BLASInfo: Sendable, Codable, Equatable {
    public let library: String
    public let config: String
    public let coreName: String
    public let threads: Int
    /// OPENBLAS_CORETYPE as the process saw it, if set.
    public let coreTypeOverride: String?
    /// True when minerisk itself set OPENBLAS_CORETYPE for this CPU (see `BLASCoreType`).
    public let coreTypeChosenByEngine: Bool

    public static var current: BLASInfo {
        let environment = ProcessInfo.processInfo.environment
        return BLASInfo(
            library: "OpenBLAS",
            config: String(cString: openblas_get_config()).trimmingCharacters(in: .whitespaces),
            coreName: String(cString: openblas_get_corename()),
            threads: Int(openblas_get_num_threads()),
            coreTypeOverride: environment[BLASCoreType.openBLASVariable],
            coreTypeChosenByEngine: environment[BLASCoreType.markerVariable] != nil
        )
    }
}

/// Sets the number of threads OpenBLAS uses from now on.
public func setBLASThreads(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
}

/// Ends the worker threads OpenBLAS started when it was loaded; it starts them again on its first threaded call.
///
/// A worker that has no work spins on sched_yield for 2^THREAD_TIMEOUT cycles before it sleeps (blas_server.c,
/// `blas_thread_server`; 2^28 by default, about 0.1 s). The workers OpenBLAS's constructor starts do that at
/// once, on a core the engine's first stage needs. Looked up by name, since only OpenBLAS's threaded builds
/// have it (`blas_thread_shutdown_`, blas_server.c).
public func stopIdleBLASThreads() {
    guard let symbol = dlsym(nil, "blas_thread_shutdown_") else { return }
    let shutdown = unsafeBitCast(symbol, to: (@convention(c) () -> Int32).self)
    _ = shutdown()
}

enum BLAS {
    /// C ← alpha·A·B + beta·C on row-major buffers; A is m×k, B is k×n, C is m×n.
    ///
    /// With beta = 0, C is cleared here and the product accumulated into it (beta = 1): the same values,
    /// bit for bit (0 + x = x), and faster for thin products. OpenBLAS 0.3.21 clears C for beta = 0 in a
    /// separate pass of its generic `dgemm_beta` before the product; for the Monte Carlo kernel's
    /// 512×100×22 that pass cost a quarter of the call (one thread, Zen kernel: 23–26 GFLOP/s with
    /// beta = 0 against 33–34 with a memset and beta = 1, the memset timed with the call).
    /// `cleared: true` says C already holds zeros.
    static func gemm(
        m: Int, n: Int, k: Int, alpha: Double = 1,
        a: UnsafePointer<Double>, lda: Int, transposeA: Bool = false,
        b: UnsafePointer<Double>, ldb: Int, transposeB: Bool = false,
        beta: Double = 0, c: UnsafeMutablePointer<Double>, ldc: Int, cleared: Bool = false
    ) {
        guard m > 0, n > 0 else { return }
        var beta = beta
        if beta == 0 {
            if !cleared {
                if ldc == n {
                    c.update(repeating: 0, count: m * n)
                } else {
                    for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
                }
            }
            beta = 1
        }
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc)
        )
    }

    /// y ← alpha·A·x + beta·y with A row-major m×n.
    static func gemv(
        m: Int, n: Int, alpha: Double = 1, a: UnsafePointer<Double>, lda: Int,
        x: UnsafePointer<Double>, beta: Double = 0, y: UnsafeMutablePointer<Double>
    ) {
        guard m > 0 else { return }
        cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(m), Int32(n), alpha, a, Int32(lda), x, 1, beta, y, 1)
    }
}

extension Matrix {
    /// The product self · other by DGEMM.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        var result = Matrix(rows: rows, columns: other.columns)
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                result.storage.withUnsafeMutableBufferPointer { c in
                    BLAS.gemm(
                        m: rows, n: other.columns, k: columns,
                        a: a.baseAddress!, lda: max(1, columns),
                        b: b.baseAddress!, ldb: max(1, other.columns),
                        c: c.baseAddress!, ldc: max(1, other.columns), cleared: true // a new Matrix is zeros
                    )
                }
            }
        }
        return result
    }

    /// The product self · vector by DGEMV.
    public func multiplied(by vector: [Double]) -> [Double] {
        precondition(columns == vector.count, "cannot multiply \(rows)×\(columns) by a vector of \(vector.count)")
        var result = [Double](repeating: 0, count: rows)
        guard columns > 0 else { return result }
        storage.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    BLAS.gemv(m: rows, n: columns, a: a.baseAddress!, lda: columns, x: x.baseAddress!, y: y.baseAddress!)
                }
            }
        }
        return result
    }
}

/// C ← A·B for row-major buffers of given shapes, writing into `c`; used by blocked kernels.
func multiply(
    _ a: UnsafeBufferPointer<Double>, rows m: Int, inner k: Int,
    _ b: UnsafeBufferPointer<Double>, columns n: Int,
    into c: UnsafeMutableBufferPointer<Double>
) {
    precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n, "buffer too small for product")
    BLAS.gemm(m: m, n: n, k: k, a: a.baseAddress!, lda: max(1, k), b: b.baseAddress!, ldb: max(1, n), c: c.baseAddress!, ldc: max(1, n))
}

/// C ← A·op(B) (or C ← C + A·op(B) when accumulating) on row-major buffers with leading dimensions:
/// A is m×k (row stride lda), op(B) is k×n (B itself n×k when transposed), C is m×n (row stride ldc).
/// The blocked kernels of the Monte Carlo run call this on tiles of larger matrices.
func multiply(
    _ a: UnsafePointer<Double>, rows m: Int, inner k: Int, lda: Int,
    _ b: UnsafePointer<Double>, columns n: Int, ldb: Int, transposedB: Bool = false,
    into c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool = false
) {
    guard k > 0 else {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return
    }
    BLAS.gemm(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, transposeB: transposedB,
              beta: accumulate ? 1 : 0, c: c, ldc: ldc)
}

/// Runs `body` with OpenBLAS on one thread, restoring its thread count after: for kernels that run
/// many small products in parallel on their own threads, each product staying on the thread that calls it.
/// Callers that overlap (two simulations side by side in one process) share one such period: the thread count
/// is restored when the last of them is done, not when the first is, so no product of the others runs on
/// OpenBLAS's threads (with other kernels, whose sums differ in the last bits).
func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
    SingleThreadedBLAS.enter()
    defer { SingleThreadedBLAS.leave() }
    return try body()
}

/// The callers inside `withSingleThreadedBLAS`, and OpenBLAS's thread count from before the first of them.
private enum SingleThreadedBLAS {
    private static let lock = NSLock()
    private nonisolated(unsafe) static var callers = 0
    private nonisolated(unsafe) static var previous: Int32 = 1

    static func enter() {
        lock.lock()
        defer { lock.unlock() }
        if callers == 0 {
            previous = openblas_get_num_threads()
            openblas_set_num_threads(1)
        }
        callers += 1
    }

    static func leave() {
        lock.lock()
        defer { lock.unlock() }
        callers -= 1
        if callers == 0 { openblas_set_num_threads(previous) }
    }
}

/// The eigenvalues and right eigenvectors of a general square matrix.
public struct Eigensystem: Sendable {
    public let real: [Double]
    public let imaginary: [Double]
    /// Right eigenvectors as columns (row-major n×n); a complex pair occupies two columns as LAPACK stores it.
    public let vectors: Matrix
}

/// Eigen-decomposition of a general real matrix by LAPACK `dgeev`.
public func eigen(_ matrix: Matrix) throws -> Eigensystem {
    precondition(matrix.isSquare, "eigen needs a square matrix")
    let n = matrix.rows
    var a = matrix.storage
    var wr = [Double](repeating: 0, count: n)
    var wi = [Double](repeating: 0, count: n)
    var vr = [Double](repeating: 0, count: n * n)
    var unusedLeft = [Double](repeating: 0, count: 1)
    let info = LAPACKE_dgeev(
        LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "V")), Int32(n),
        &a, Int32(n), &wr, &wi, &unusedLeft, 1, &vr, Int32(n)
    )
    try LAPACKError.check("dgeev", Int(info)) { i in
        "the QR algorithm failed to compute all eigenvalues; elements \(i + 1)…\(n) of the result converged"
    }
    return Eigensystem(real: wr, imaginary: wi, vectors: Matrix(rows: n, columns: n, storage: vr))
}
