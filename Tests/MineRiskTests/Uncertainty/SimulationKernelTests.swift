import Foundation
import Testing
@testable import MineRisk

/// The Monte Carlo kernel against a sample-by-sample reference built from the engine's plain pieces:
/// `analyticHierarchy` (dgeev) for the weights, `AggregatedAssessments` with row weights for the panel,
/// `Matrix.multiplied(by:)` (DGEMV) and `GradeBands` for the grades.
@Suite struct SimulationKernelTests {
    /// Agreement of weights, scores and correlations with the reference.
    static let tolerance = 1e-9

    @Test func kernelMatchesSampleBySampleReference() throws {
        let fixture = try SimulationFixture(facilities: 36, experts: 5)
        defer { fixture.remove() }
        var options = SimulationOptions()
        options.samples = 60
        options.seed = 2024
        options.panelGroup = 7 // panels change inside a chunk, and the last group is partial
        options.groupsPerChunk = 3
        options.tileFacilities = 5
        options.judgementSigma = 0.35
        let grading = GradingOptions()
        let base = try Grader(models: fixture.models, options: grading).grade(fixture.data)
        let report = try Simulator(models: fixture.models, grading: grading, options: options).simulate(fixture.data, base: base)
        let reference = try SimulationReference(fixture: fixture, base: base, options: options)

        var changed = 0
        for facility in report.facilities where !facility.vetoed {
            let expected = reference.results[facility.id]!
            #expect(facility.counts == expected.counts, "\(facility.id)")
            #expect(abs(facility.scoreMean! - expected.mean) < 1e-9)
            if facility.changeProbability > 0 { changed += 1 }
        }
        #expect(changed > 0, "the fixture must put some facilities near a band edge")
        for entry in report.sensitivity {
            for item in entry.indicators {
                let r = reference.correlation(entry.id, item.indicator)
                #expect(abs(item.correlation - r) < 1e-4, "\(entry.id) \(item.indicator)")
            }
        }
    }

    @Test func noPerturbationKeepsEveryBaseGrade() throws {
        let fixture = try SimulationFixture(facilities: 24)
        defer { fixture.remove() }
        var options = SimulationOptions()
        options.samples = 30
        options.judgementSigma = 0
        options.objectiveSigma = 0
        options.bootstrapPanel = false
        var grading = GradingOptions()
        grading.weighting = .combined(.entropy, .minmax, .linear(alpha: 0.5))
        let base = try Grader(models: fixture.models, options: grading).grade(fixture.data)
        let report = try Simulator(models: fixture.models, grading: grading, options: options).simulate(fixture.data, base: base)
        #expect(report.facilities.count + report.incomplete.count == fixture.data.facilities.count)
        for facility in report.facilities {
            #expect(facility.changeProbability == 0, "\(facility.id)")
            #expect(facility.modalGrade == facility.baseGrade)
            if let mean = facility.scoreMean {
                let score = base.facilities.first { $0.id == facility.id }!.score!
                #expect(abs(mean - score) < Self.tolerance)
                #expect(facility.scoreSD! < 1e-6)
            }
        }
        #expect(report.sensitivity.isEmpty)
    }

    @Test func vetoedFacilityIsMajorInEverySampleAndIncompleteIsListed() throws {
        let fixture = try SimulationFixture(facilities: 12)
        defer { fixture.remove() }
        var options = SimulationOptions()
        options.samples = 20
        let base = try Grader(models: fixture.models).grade(fixture.data)
        let report = try Simulator(models: fixture.models, options: options).simulate(fixture.data, base: base)
        let vetoed = report.facilities.first { $0.id == "F3" }!
        #expect(vetoed.vetoed && vetoed.counts == [0, 0, 0, 20] && vetoed.baseGrade == .major && vetoed.changeProbability == 0)
        #expect(report.incomplete.map(\.id) == ["F2"])
        #expect(report.incomplete[0].missing.count == 1)
        #expect(!report.facilities.contains { $0.id == "F2" })
    }

    @Test func nonLinearOperatorIsRefused() throws {
        let fixture = try SimulationFixture(facilities: 8)
        defer { fixture.remove() }
        var grading = GradingOptions()
        grading.fuzzyOperator = .minMax
        let base = try Grader(models: fixture.models, options: grading).grade(fixture.data)
        #expect(throws: MineRiskError.self) {
            try Simulator(models: fixture.models, grading: grading).simulate(fixture.data, base: base)
        }
    }

    @Test func membershipByGradeRuleCountsMaximumMembership() throws {
        let fixture = try SimulationFixture(facilities: 20)
        defer { fixture.remove() }
        var options = SimulationOptions()
        options.samples = 25
        options.panelGroup = 4
        var grading = GradingOptions()
        grading.gradeRule = .membership
        let base = try Grader(models: fixture.models, options: grading).grade(fixture.data)
        let report = try Simulator(models: fixture.models, grading: grading, options: options).simulate(fixture.data, base: base)
        let reference = try SimulationReference(fixture: fixture, base: base, options: options, grading: grading)
        for facility in report.facilities where !facility.vetoed {
            #expect(facility.counts == reference.results[facility.id]!.counts, "\(facility.id)")
        }
    }
}
