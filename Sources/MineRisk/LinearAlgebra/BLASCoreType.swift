/// Which OpenBLAS kernel (core type) to ask for on this CPU, decided once at process start.
///
/// A DYNAMIC_ARCH OpenBLAS picks its kernels from the CPU's identity; a version older than the CPU
/// falls back to a generic kernel several times slower (Debian's 0.3.21 runs AVX-512 machines on its
/// Prescott kernel). OpenBLAS reads OPENBLAS_CORETYPE in its library constructor, before `main`, so the
/// command line re-executes itself once with the variable set when this decision says so (MineRisk.docc/BLASKernel.md).
public enum BLASCoreType {
    /// Environment variables the mechanism reads.
    public static let openBLASVariable = "OPENBLAS_CORETYPE"
    /// Set to `off` (or `0`, `no`, `false`) to keep whatever kernel OpenBLAS chose.
    public static let optOutVariable = "MINERISK_BLAS_CORETYPE"
    /// Set by the re-executed process (to the core it asked for), so that it never re-executes again.
    public static let markerVariable = "MINERISK_BLAS_REEXEC"

    /// What to do about the kernel.
    public enum Decision: Equatable, Sendable {
        /// Keep OpenBLAS's own choice, for the reason given.
        case keep(String)
        /// Re-execute with OPENBLAS_CORETYPE set to this core.
        case use(String)
    }

    /// The kernel families, slowest first; a core name maps to the widest vectors its kernels use.
    enum Tier: Int, Comparable {
        case generic = 0, avx2 = 1, avx512 = 2
        static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// OpenBLAS core names (as `openblas_get_corename` spells them) whose kernels use AVX2+FMA or AVX-512.
    static func tier(ofCore name: String) -> Tier {
        switch name.lowercased() {
        case "skylakex", "cooperlake", "sapphirerapids": return .avx512
        case "haswell", "zen", "zen2", "zen3", "zen4", "zen5": return .avx2
        default: return .generic
        }
    }

    /// The best core the CPU's instruction flags (as in /proc/cpuinfo) can run, and its tier.
    static func bestCore(for flags: Set<String>) -> (name: String, tier: Tier)? {
        if flags.isSuperset(of: ["avx512f", "avx512dq", "avx512bw", "avx512vl", "avx2", "fma"]) { return ("SkylakeX", .avx512) }
        if flags.isSuperset(of: ["avx2", "fma"]) { return ("Haswell", .avx2) }
        return nil
    }

    /// Decides, without side effects: never overrides a core type already set, honours the opt-out,
    /// never loops, and asks for a faster kernel only when the CPU has its instructions.
    /// - Parameters:
    ///   - cpuFlags: the CPU's instruction flags.
    ///   - currentCore: the core OpenBLAS chose (`openblas_get_corename`).
    ///   - environment: the process environment.
    public static func decide(cpuFlags: Set<String>, currentCore: String, environment: [String: String]) -> Decision {
        if let set = environment[openBLASVariable], !set.isEmpty {
            return .keep("\(openBLASVariable)=\(set) is already set")
        }
        if let choice = environment[optOutVariable]?.lowercased(), ["off", "0", "no", "false"].contains(choice) {
            return .keep("\(optOutVariable)=\(choice)")
        }
        if environment[markerVariable] != nil {
            return .keep("already re-executed once")
        }
        guard let best = bestCore(for: cpuFlags) else {
            return .keep("the CPU has neither AVX2+FMA nor AVX-512")
        }
        let current = tier(ofCore: currentCore)
        guard current < best.tier else {
            return .keep("OpenBLAS already runs the \(currentCore) kernel")
        }
        return .use(best.name)
    }

    /// The instruction flags of the first processor listed in a /proc/cpuinfo text.
    public static func cpuFlags(fromCPUInfo text: String) -> Set<String> {
        for line in text.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
        return []
    }
}
