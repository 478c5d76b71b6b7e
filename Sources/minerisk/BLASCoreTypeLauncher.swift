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
