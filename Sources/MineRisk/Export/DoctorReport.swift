import Foundation

/// What `minerisk doctor` shows: the engine, the BLAS library with its kernel and threads, and the DGEMM rates
/// measured when asked.
public struct DoctorReport: Encodable {
    public let engine: String
    public let blas: BLASInfo
    /// GFLOP/s on n×n matrices (`--dgemm n`), and n.
    public let dgemmGflops: Double?
    public let dgemmSize: Int?
    /// One thread's GFLOP/s on repeated M×K by K×N products (`--dgemm-shape MxNxK`), and the shape.
    public let dgemmShapeThreadGflops: Double?
    public let shape: (m: Int, n: Int, k: Int)?

    public init(blas: BLASInfo, dgemmGflops: Double?, dgemmSize: Int?, dgemmShapeThreadGflops: Double?, shape: (m: Int, n: Int, k: Int)?) {
        engine = engineVersion
        self.blas = blas
        self.dgemmGflops = dgemmGflops
        self.dgemmSize = dgemmSize
        self.dgemmShapeThreadGflops = dgemmShapeThreadGflops
        self.shape = shape
    }

    enum CodingKeys: String, CodingKey {
        case engine, blas, dgemmGflops, dgemmShape, dgemmShapeThreadGflops
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(engine, forKey: .engine)
        try c.encode(blas, forKey: .blas)
        try c.encodeIfPresent(dgemmGflops, forKey: .dgemmGflops)
        try c.encodeIfPresent(shape.map { "\($0.m)x\($0.n)x\($0.k)" }, forKey: .dgemmShape)
        try c.encodeIfPresent(dgemmShapeThreadGflops, forKey: .dgemmShapeThreadGflops)
    }

    /// The report as the terminal shows it, one line per fact.
    public var text: String {
        var coreType = blas.coreTypeOverride ?? "(not set)"
        if blas.coreTypeChosenByEngine { coreType += " (set by minerisk for this CPU; MINERISK_BLAS_CORETYPE=off to keep OpenBLAS's choice)" }
        var lines = [
            "engine      \(engine)", "BLAS        \(blas.library): \(blas.config)", "core        \(blas.coreName)",
            "threads     \(blas.threads)", "CORETYPE    \(coreType)",
        ]
        if let dgemmGflops, let n = dgemmSize { lines.append(String(format: "DGEMM       %.1f GFLOP/s (%d×%d, best of 3)", dgemmGflops, n, n)) }
        if let thread = dgemmShapeThreadGflops, let (m, n, k) = shape {
            lines.append(String(format: "DGEMM       %.1f GFLOP/s on one thread (%d×%d by %d×%d, repeated for 0.5 s)", thread, m, k, k, n))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
