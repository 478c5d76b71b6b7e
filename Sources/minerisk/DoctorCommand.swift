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

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Also measure DGEMM GFLOP/s on n×n matrices (e.g. 3000).")
    var dgemm: Int?

    func run() throws {
        let info = BLASInfo.current
        let gflops = dgemm.map { DGEMMBenchmark.gflops(size: max(1, $0)) }
        if format == .json {
            struct Doctor: Encodable { let engine: String; let blas: BLASInfo; let dgemmGflops: Double? }
            FileHandle.standardOutput.write(try encodeJSON(Doctor(engine: engineVersion, blas: info, dgemmGflops: gflops)))
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
        }
    }
}
