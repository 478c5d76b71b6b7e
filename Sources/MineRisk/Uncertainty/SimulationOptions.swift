/// What a Monte Carlo run of the grades perturbs, and how much; recorded in its result.
///
/// Only `threads`, `tileFacilities` and `groupsPerChunk` are excluded from the record: they decide how
/// the work is spread, never what is computed, so a seed gives the same result whatever they are.
public struct SimulationOptions: Sendable, Equatable, Codable {
    /// Number of samples.
    public var samples = 1000
    public var seed: UInt64 = 1
    /// Standard deviation of ln a_ij added to every AHP judgement (a_ji kept at 1/a_ij). 0.2 moves a
    /// judgement of 3 to between 2.0 and 4.5 in 95% of samples: about one step of Saaty's 1–9 scale.
    public var judgementSigma = 0.2
    /// Standard deviation of the log-normal factor applied to each objective weight before renormalising.
    public var objectiveSigma = 0.1
    /// Resample the expert panel (bootstrap, with replacement) for each group of samples.
    public var bootstrapPanel = true
    /// Samples that share one resampled panel: the panel is drawn per group so that the grades of a
    /// group remain one matrix product (see MineRisk.docc/MonteCarlo.md).
    public var panelGroup = 100
    /// Indicators reported per facility in the sensitivity list.
    public var sensitivityCount = 3
    /// Worker threads; nil means one per processor. Never changes the result.
    public var threads: Int?
    /// Facilities per tile, the work of one task. Never changes the result: the products are cut into blocks
    /// of `MonteCarloKernel.blockFacilities` (128) whatever the tile, and a tile that is a multiple of them
    /// multiplies no facility twice.
    public var tileFacilities = 128
    /// Panel groups whose weights are drawn together (bounds memory whatever the number of samples).
    public var groupsPerChunk = 10

    public init() {}

    enum CodingKeys: String, CodingKey {
        case samples, seed, judgementSigma, objectiveSigma, bootstrapPanel, panelGroup, sensitivityCount
    }

    /// Problems with the options, as messages for the command line.
    public var problems: [String] {
        var problems: [String] = []
        if samples < 1 { problems.append("--samples must be at least 1, found \(samples)") }
        if !(judgementSigma >= 0 && judgementSigma.isFinite) { problems.append("--judgement-sigma must be a non-negative number, found \(judgementSigma)") }
        if !(objectiveSigma >= 0 && objectiveSigma.isFinite) { problems.append("--objective-sigma must be a non-negative number, found \(objectiveSigma)") }
        if panelGroup < 1 { problems.append("--panel-group must be at least 1, found \(panelGroup)") }
        if sensitivityCount < 0 { problems.append("--sensitivity must be 0 or more, found \(sensitivityCount)") }
        if let threads, threads < 1 { problems.append("--threads must be at least 1, found \(threads)") }
        if tileFacilities < 1 || groupsPerChunk < 1 { problems.append("tile and chunk sizes must be positive") }
        return problems
    }
}
