import Foundation
import GRDB
import Testing
@testable import MineRisk

/// The register in the store: closing lifts a veto at the next grade, reopening is counted, a stale change is a
/// conflict, and the action log only grows.
@Suite struct HazardStoreTests {
    static let models: ModelSet = try! repositoryModels()
    let change = HazardChange(actor: "tester")

    func vetoes(_ store: any RoundStore, _ facility: String) throws -> [String] {
        let report = try Grader(models: Self.models).grade(try store.dataset(round: "2017", models: Self.models))
        return report.facilities.first { $0.id == facility }!.vetoes.map(\.code)
    }

    @Test(arguments: TestBackend.all) func closingAMajorDangerLiftsItsVetoAtTheNextGrade(backend: TestBackend) throws {
        let store = try storeWithRounds(["2017"], models: Self.models, backend: backend)
        let register = try store.register(round: "2017")
        let tp01 = try #require(register.first { $0.finding.code == "TP-01" }?.finding)
        #expect(try vetoes(store, tp01.facilityID).contains("TP-01"))
        try store.closeHazard(tp01.id, round: "2017", acceptedBy: "州安监局 验收组", acceptedOn: "2017-05-20", change: change)
        #expect(try !vetoes(store, tp01.facilityID).contains("TP-01"))
        try store.reopenHazard(tp01.id, round: "2017", reason: "复查未通过", change: change)
        #expect(try vetoes(store, tp01.facilityID).contains("TP-01"))
        let after = try #require(try store.register(round: "2017").first { $0.finding.id == tp01.id })
        #expect(after.finding.reopened == 1 && after.finding.status == .open && after.version == 3)
        #expect(try store.hazardActions(round: "2017").filter { $0.hazard == tp01.id }.map(\.action) == ["import", "close", "reopen"])
    }

    @Test(arguments: TestBackend.all) func closingNeedsWhoAndWhen(backend: TestBackend) throws {
        let store = try storeWithRounds(["2017"], models: Self.models, backend: backend)
        let id = try store.register(round: "2017")[0].finding.id
        #expect(mineRiskError { try store.closeHazard(id, round: "2017", acceptedBy: " ", acceptedOn: "2017-05-20", change: change) } != nil)
        #expect(mineRiskError { try store.closeHazard(id, round: "2017", acceptedBy: "验收组", acceptedOn: "2017-5-20", change: change) } != nil)
        #expect(try store.register(round: "2017")[0].version == 1, "a refused close changes nothing")
    }

    @Test(arguments: TestBackend.all) func aStaleUpdateIsAConflict(backend: TestBackend) throws {
        let store = try storeWithRounds(["2017"], models: Self.models, backend: backend)
        let id = try store.register(round: "2017")[0].finding.id
        try store.updateHazard(id, round: "2017", action: "update", change: HazardChange(actor: "a", expectedVersion: 1)) { h in
            h.deadline = "2017-08-01"
            return "deadline"
        }
        let error = mineRiskError {
            try store.updateHazard(id, round: "2017", action: "update", change: HazardChange(actor: "b", expectedVersion: 1)) { h in
                h.deadline = "2017-09-01"
                return "deadline"
            }
        }
        #expect(error?.description.contains("conflict") == true)
        #expect(try store.register(round: "2017")[0].finding.deadline == "2017-08-01")
    }

    @Test(arguments: TestBackend.all) func theLogIsAppendOnly(backend: TestBackend) throws {
        let store = try storeWithRounds(["2017"], models: Self.models, backend: backend)
        let id = try store.register(round: "2017")[0].finding.id
        try store.closeHazard(id, round: "2017", acceptedBy: "验收组", acceptedOn: "2017-05-20", change: change)
        let before = try store.hazardActions(round: "2017")
        #expect(throws: (any Error).self) { try sqlExecute(store, "UPDATE hazard_actions SET actor = 'x'") }
        #expect(throws: (any Error).self) { try sqlExecute(store, "DELETE FROM hazard_actions") }
        #expect(try store.hazardActions(round: "2017") == before)
        #expect(before.last?.from == "open" && before.last?.to == "closed" && before.last?.actor == "tester")
    }
}
