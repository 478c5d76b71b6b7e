import ArgumentParser
import Foundation
import MineRisk

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show the BLAS library, its kernel (core) and threads, and the engine's version.",
        discussion: """
        On a CPU that OpenBLAS does not recognise, minerisk sets OPENBLAS_CORETYPE itself (Haswell for AVX2+FMA, \
        SkylakeX for AVX-512) unless the variable is already set; MINERISK_BLAS_CORETYPE=off keeps OpenBLAS's choice. \
        minerisk runs its own threads and keeps OpenBLAS to one unless OPENBLAS_NUM_THREADS (or GOTO_NUM_THREADS, \
        OMP_NUM_THREADS) is set; --dgemm measures on every processor.
        """
    )

    @OptionGroup var output: PrintedFormatOption<DoctorReport>

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
        // The machine's peak takes every processor; minerisk's own runs keep OpenBLAS to one thread (`BLASThreads`).
        let peak = dgemm.map { size in BLASThreads.withAllProcessors { DGEMMBenchmark.gflops(size: max(1, size)) } }
        let report = DoctorReport(blas: .current, dgemmGflops: peak, dgemmSize: dgemm,
                                  dgemmShapeThreadGflops: shape.map { DGEMMBenchmark.threadGflops(m: $0.m, n: $0.n, k: $0.k) }, shape: shape)
        try output.write(report)
    }
}
