/// Independent, reproducible streams: one generator per (seed, purpose, index), so that what a sample
/// draws never depends on which thread draws it, nor on how samples are grouped into blocks.
extension SplitMix64 {
    /// The purposes a Monte Carlo run draws random numbers for; each has its own family of streams.
    public enum Stream: UInt64, Sendable {
        /// Perturbed AHP judgements and objective weights of one sample of one model.
        case weights = 1
        /// The resampled expert panel of one group of samples.
        case panel = 2
    }

    /// A generator for one stream: the seed, the purpose and up to two indices are mixed through
    /// SplitMix64's own finaliser, so neighbouring indices give unrelated streams.
    public init(seed: UInt64, stream: Stream, _ first: UInt64, _ second: UInt64 = 0) {
        var state = seed
        for word in [stream.rawValue, first, second] {
            var mixer = SplitMix64(seed: state ^ word &* 0xD1B5_4A32_D192_ED03)
            state = mixer.next()
        }
        self.init(seed: state)
    }
}
