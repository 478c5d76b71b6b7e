/// A store that keeps each round's hidden-danger register and its append-only action log (DOMAIN §10).
///
/// Separate from `RoundStore` so that a backend can be a round store first; `hazards` commands ask the store
/// they open for this and say so when it is not.
public protocol HazardRegisterStore: RoundStore {
    /// The register of a round in its order, each finding with its version.
    func register(round: String) throws -> [(finding: HazardFinding, version: Int)]
    /// Adds a finding (checked by the caller against the lists).
    func addHazard(_ h: HazardFinding, round: String, change: HazardChange) throws
    /// Adds findings read from a workbook in one transaction.
    func addHazards(_ hazards: [HazardFinding], round: String, source: String, change: HazardChange) throws
    /// Changes a finding; a change made on a stale version is a conflict.
    @discardableResult
    func updateHazard(_ id: String, round: String, action: String, change: HazardChange,
                      _ body: (inout HazardFinding) throws -> String) throws -> HazardFinding
    /// Closes a finding after acceptance.
    @discardableResult
    func closeHazard(_ id: String, round: String, acceptedBy: String, acceptedOn: String, change: HazardChange) throws -> HazardFinding
    /// Reopens a closed finding.
    @discardableResult
    func reopenHazard(_ id: String, round: String, reason: String, change: HazardChange) throws -> HazardFinding
    /// The action log of a round, oldest first.
    func hazardActions(round: String) throws -> [HazardAction]
}

extension RoundStore {
    /// This store as a register store, or a clear error naming what it lacks.
    public func hazardRegister() throws -> any HazardRegisterStore {
        guard let store = self as? any HazardRegisterStore else {
            throw MineRiskError.usage("this store keeps no hidden-danger register")
        }
        return store
    }
}
