import Foundation

/// How a model entered a run: its file, version and hash.
public struct ModelProvenance: Sendable, Equatable, Codable {
    public var kind: FacilityKind
    public var file: String
    public var modelVersion: String
    public var sha256: String
    /// λmax, CI, RI and CR of every matrix and the hierarchy's CR_total, as the run computed them.
    public var consistency: ModelConsistency?
}

extension ModelSet {
    /// Each model's provenance, in kind order, with the consistency figures a run computed (none for an import).
    public func provenance(consistency: [FacilityKind: ModelConsistency] = [:]) -> [ModelProvenance] {
        models.values.sorted { $0.model.kind < $1.model.kind }.map {
            ModelProvenance(kind: $0.model.kind, file: ($0.file as NSString).lastPathComponent,
                            modelVersion: $0.model.modelVersion, sha256: $0.sha256, consistency: consistency[$0.model.kind])
        }
    }
}
