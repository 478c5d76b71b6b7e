import Testing
@testable import MineRisk

/// The BLAS kernel decision on sample CPU flag sets (as /proc/cpuinfo lists them) and core names.
@Suite struct SimulationBLASCoreTypeTests {
    static let avx2: Set<String> = ["sse4_2", "avx", "avx2", "fma", "bmi2"]
    static let avx512 = avx2.union(["avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512cd"])
    static let oldCPU: Set<String> = ["sse2", "sse4_2", "avx"]

    @Test func genericKernelOnAVX512GetsSkylakeX() {
        #expect(BLASCoreType.decide(cpuFlags: Self.avx512, currentCore: "Prescott", environment: [:]) == .use("SkylakeX"))
        #expect(BLASCoreType.decide(cpuFlags: Self.avx512, currentCore: "Haswell", environment: [:]) == .use("SkylakeX"))
    }

    @Test func genericKernelOnAVX2GetsHaswell() {
        for core in ["Prescott", "Core2", "Nehalem", "Sandybridge"] {
            #expect(BLASCoreType.decide(cpuFlags: Self.avx2, currentCore: core, environment: [:]) == .use("Haswell"))
        }
    }

    @Test func matchingKernelIsKept() {
        if case .use = BLASCoreType.decide(cpuFlags: Self.avx2, currentCore: "Zen", environment: [:]) { Issue.record("Zen already uses AVX2") }
        if case .use = BLASCoreType.decide(cpuFlags: Self.avx2, currentCore: "Haswell", environment: [:]) { Issue.record("Haswell kept") }
        if case .use = BLASCoreType.decide(cpuFlags: Self.avx512, currentCore: "SkylakeX", environment: [:]) { Issue.record("SkylakeX kept") }
        if case .use = BLASCoreType.decide(cpuFlags: Self.avx512, currentCore: "Cooperlake", environment: [:]) { Issue.record("Cooperlake kept") }
    }

    @Test func cpuWithoutTheInstructionsKeepsTheDefault() {
        if case .use = BLASCoreType.decide(cpuFlags: Self.oldCPU, currentCore: "Sandybridge", environment: [:]) { Issue.record("no AVX2") }
        // AVX-512F alone (no DQ/BW/VL) is not enough for the SkylakeX kernels.
        let partial = Self.avx2.union(["avx512f"])
        #expect(BLASCoreType.decide(cpuFlags: partial, currentCore: "Prescott", environment: [:]) == .use("Haswell"))
    }

    @Test func neverOverridesNorLoops() {
        let set = ["OPENBLAS_CORETYPE": "Prescott"]
        #expect(BLASCoreType.decide(cpuFlags: Self.avx512, currentCore: "Prescott", environment: set) == .keep("OPENBLAS_CORETYPE=Prescott is already set"))
        for value in ["off", "OFF", "0", "no", "false"] {
            if case .use = BLASCoreType.decide(cpuFlags: Self.avx512, currentCore: "Prescott", environment: ["MINERISK_BLAS_CORETYPE": value]) {
                Issue.record("opt-out \(value) ignored")
            }
        }
        if case .use = BLASCoreType.decide(cpuFlags: Self.avx512, currentCore: "Prescott", environment: ["MINERISK_BLAS_REEXEC": "SkylakeX"]) {
            Issue.record("re-executed twice")
        }
    }

    @Test func flagsAreReadFromCPUInfo() {
        let text = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu sse2 avx2 fma avx512f\nbogomips\t: 4000\n\nprocessor\t: 1\nflags\t\t: fpu\n"
        #expect(BLASCoreType.cpuFlags(fromCPUInfo: text) == ["fpu", "sse2", "avx2", "fma", "avx512f"])
        #expect(BLASCoreType.cpuFlags(fromCPUInfo: "") == [])
    }
}
