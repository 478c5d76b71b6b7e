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

extension HazardRegisterStore {
    /// Closes (销号) a finding: only with the acceptance date and the person who accepted (DOMAIN §10).
    @discardableResult
    public func closeHazard(_ id: String, round: String, acceptedBy: String, acceptedOn: String, change: HazardChange) throws -> HazardFinding {
        guard !acceptedBy.trimmingCharacters(in: .whitespaces).isEmpty else { throw MineRiskError.usage("closing needs --accepted-by NAME, the person who accepted the rectification") }
        guard isISODate(acceptedOn) else { throw MineRiskError.usage("--accepted-on: expected a date YYYY-MM-DD, found \"\(acceptedOn)\"") }
        return try updateHazard(id, round: round, action: "close", change: change) { h in
            guard h.status.isOpen else { throw MineRiskError.usage("hazard \(id) is already closed (accepted \(h.acceptedOn) by \(h.acceptedBy)); reopen it first") }
            guard acceptedOn >= h.foundOn else { throw MineRiskError.usage("--accepted-on \(acceptedOn) is before the finding (found \(h.foundOn))") }
            h.status = .closed
            h.acceptedOn = acceptedOn
            h.acceptedBy = acceptedBy
            return "accepted \(acceptedOn) by \(acceptedBy)"
        }
    }

    /// Reopens a closed finding; the count of reopenings goes up and the acceptance is cleared (the log keeps it).
    @discardableResult
    public func reopenHazard(_ id: String, round: String, reason: String, change: HazardChange) throws -> HazardFinding {
        try updateHazard(id, round: round, action: "reopen", change: change) { h in
            guard h.status == .closed else { throw MineRiskError.usage("hazard \(id) is \(h.status.rawValue), not closed: nothing to reopen") }
            let was = "was accepted \(h.acceptedOn) by \(h.acceptedBy)"
            h.status = .open
            h.acceptedOn = ""
            h.acceptedBy = ""
            h.reopened += 1
            return reason.isEmpty ? was : "\(reason); \(was)"
        }
    }
}

/// The hazard_register columns a finding is written to, after `round_id` and before `version`, in every store.
let hazardRegisterColumns = "id, position, facility_id, code, level, veto, description, inspection, found_on, found_by, deadline, responsible, measures, funds, plan, status, accepted_on, accepted_by, reopened"
