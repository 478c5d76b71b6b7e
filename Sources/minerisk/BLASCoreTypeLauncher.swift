import Foundation
import MineRisk

/// Gives the process a fast BLAS kernel without the user having to know: when `BLASCoreType.decide`
/// says so, re-executes this binary once with OPENBLAS_CORETYPE set (OpenBLAS reads it before `main`).
enum BLASCoreTypeLauncher {
    /// Call first thing in `main`, before any BLAS work; returns only if no re-execution happened.
    static func reexecuteIfFaster() {
        let environment = ProcessInfo.processInfo.environment
        // Cheap exits first: most runs never need to read /proc/cpuinfo.
        if [BLASCoreType.openBLASVariable, BLASCoreType.markerVariable].contains(where: { environment[$0] != nil }) { return }
        guard let cpuInfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return }
        let decision = BLASCoreType.decide(cpuFlags: BLASCoreType.cpuFlags(fromCPUInfo: cpuInfo),
                                           currentCore: BLASInfo.current.coreName, environment: environment)
        guard case let .use(core) = decision else { return }
        setenv(BLASCoreType.openBLASVariable, core, 1)
        setenv(BLASCoreType.markerVariable, core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // execv returns only on failure: carry on with OpenBLAS's own kernel.
        unsetenv(BLASCoreType.openBLASVariable)
        unsetenv(BLASCoreType.markerVariable)
    }
}

/// minerisk runs its own threads (the readers, the Monte Carlo blocks, the writers), each calling BLAS on
/// small products with one BLAS thread (`withSingleThreadedBLAS`). OpenBLAS's own workers would only get in
/// their way: after each threaded call an idle worker spins on sched_yield for about 2^28 cycles
/// (blas_server.c, THREAD_TIMEOUT 28) on a core the engine's threads need. Measured on a national round of
/// 40,000 facilities (`grade --output grades.csv`, hyperfine, 10 runs each): system time 0.62 s with two
/// OpenBLAS threads, 0.25 s with one.
enum BLASThreads {
    /// OpenBLAS's own variables for its thread count; when one is set, its choice stands.
    private static var userLeftItToUs: Bool {
        let environment = ProcessInfo.processInfo.environment
        return ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"].allSatisfy { environment[$0] == nil }
    }

    /// One OpenBLAS thread, unless the user chose a count through OpenBLAS's own variables.
    static func keepToOne() {
        guard userLeftItToUs else { return }
        setBLASThreads(1)
        stopIdleBLASThreads()
    }

    /// Runs `body` with one OpenBLAS thread per processor (unless the user chose a count), then goes back to one.
    static func withAllProcessors<T>(_ body: () -> T) -> T {
        guard userLeftItToUs else { return body() }
        setBLASThreads(ProcessInfo.processInfo.activeProcessorCount)
        defer { setBLASThreads(1) }
        return body()
    }
}
