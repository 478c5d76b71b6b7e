import Foundation
import Testing
@testable import MineRisk

/// The Monte Carlo finds each facility's base result by its id, not by its position in the grading run.
@Suite struct SimulationMatchingTests {
    static func simulate(_ fixture: SimulationFixture, _ base: GradeReport) throws -> [String: FacilitySimulation] {
        var options = SimulationOptions()
        options.samples = 60
        options.panelGroup = 10
        let report = try Simulator(models: fixture.models, options: options).simulate(fixture.data, base: base)
        return Dictionary(uniqueKeysWithValues: report.facilities.map { ($0.id, $0) })
    }

    @Test func aRunInAnotherOrderGivesTheSameSimulation() throws {
        let fixture = try SimulationFixture(facilities: 24)
        defer { fixture.remove() }
        let base = try Grader(models: fixture.models).grade(fixture.data)
        var reversed = base
        reversed.facilities.reverse()
        let expected = try Self.simulate(fixture, base)
        #expect(expected.count > 10)
        #expect(try Self.simulate(fixture, reversed) == expected)
    }

    @Test func aRunWithoutAFacilityOfTheDataIsRefused() throws {
        let fixture = try SimulationFixture(facilities: 12)
        defer { fixture.remove() }
        var base = try Grader(models: fixture.models).grade(fixture.data)
        let dropped = base.facilities.removeLast()
        let error = mineRiskError { _ = try Self.simulate(fixture, base) }
        #expect(error?.description.contains("has no result for facility \(dropped.id)") == true)
    }
}
