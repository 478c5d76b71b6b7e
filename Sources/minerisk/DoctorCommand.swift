import ArgumentParser
import Foundation
import MineRisk

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show the BLAS library, its kernel (core) and threads, and the engine's version.",
        discussion: """
        On a CPU that OpenBLAS does not recognise, minerisk sets OPENBLAS_CORETYPE itself (Haswell for AVX2+FMA, \
        SkylakeX for AVX-512) unless the variable is already set; MINERISK_BLAS_CORETYPE=off keeps OpenBLAS's choice.
        """
    )

    @OptionGroup var output: PrintedFormatOption

    @Option(name: .long, help: "Also measure DGEMM GFLOP/s on n×n matrices (e.g. 3000).")
    var dgemm: Int?

    @Option(name: .long, help: ArgumentHelp("Also measure one BLAS thread on repeated M×K by K×N products, as the Monte Carlo kernel makes them (e.g. 512x100x22; also 1000x1000x1000 for the square rate of one thread).", valueName: "MxNxK"))
    var dgemmShape: String?

    func validate() throws {
        if dgemmShape != nil, shape == nil { throw ValidationError("--dgemm-shape: expected three positive sizes MxNxK, e.g. 512x100x22; found \(dgemmShape!)") }
    }

    private var shape: (m: Int, n: Int, k: Int)? {
        let sizes = dgemmShape?.lowercased().split(separator: "x").compactMap { Int($0) } ?? []
        guard sizes.count == 3, sizes.allSatisfy({ $0 > 0 }) else { return nil }
        return (sizes[0], sizes[1], sizes[2])
    }

    func run() throws {
        let info = BLASInfo.current
        let gflops = dgemm.map { DGEMMBenchmark.gflops(size: max(1, $0)) }
        let thread = shape.map { DGEMMBenchmark.threadGflops(m: $0.m, n: $0.n, k: $0.k) }
        if output.format.format == .json {
            struct Doctor: Encodable { let engine: String; let blas: BLASInfo; let dgemmGflops: Double?; let dgemmShape: String?; let dgemmShapeThreadGflops: Double? }
            FileHandle.standardOutput.write(try encodeJSON(Doctor(engine: engineVersion, blas: info, dgemmGflops: gflops,
                                                                  dgemmShape: shape.map { "\($0.m)x\($0.n)x\($0.k)" }, dgemmShapeThreadGflops: thread)))
        } else {
            var coreType = info.coreTypeOverride ?? "(not set)"
            if info.coreTypeChosenByEngine { coreType += " (set by minerisk for this CPU; MINERISK_BLAS_CORETYPE=off to keep OpenBLAS's choice)" }
            print("""
            engine      \(engineVersion)
            BLAS        \(info.library): \(info.config)
            core        \(info.coreName)
            threads     \(info.threads)
            CORETYPE    \(coreType)
            """)
            if let gflops, let n = dgemm { print(String(format: "DGEMM       %.1f GFLOP/s (%d×%d, best of 3)", gflops, n, n)) }
            if let thread, let (m, n, k) = shape {
                print(String(format: "DGEMM       %.1f GFLOP/s on one thread (%d×%d by %d×%d, repeated for 0.5 s)", thread, m, k, k, n))
            }
        }
    }
}
