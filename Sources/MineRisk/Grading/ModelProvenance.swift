/// How a model entered a run: its file, version and hash.
public struct ModelProvenance: Sendable, Equatable, Codable {
    public var kind: FacilityKind
    public var file: String
    public var modelVersion: String
    public var sha256: String
    /// λmax, CI, RI and CR of every matrix and the hierarchy's CR_total, as the run computed them.
    public var consistency: ModelConsistency?
}
