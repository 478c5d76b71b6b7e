import Foundation
import Testing
@testable import MineRisk

/// The same seed gives the same bytes, whatever the threads, tiles and chunks the work is spread over.
@Suite struct SimulationReproducibilityTests {
    static func json(_ fixture: SimulationFixture, _ base: GradeReport, seed: UInt64 = 99,
                     configure: (inout SimulationOptions) -> Void = { _ in }) throws -> Data {
        var options = SimulationOptions()
        options.samples = 130
        options.seed = seed
        options.panelGroup = 10
        configure(&options)
        return try encodeJSON(Simulator(models: fixture.models, options: options).simulate(fixture.data, base: base))
    }

    @Test func sameSeedSameBytesWhateverThreadsTilesAndChunks() throws {
        let fixture = try SimulationFixture(facilities: 50)
        defer { fixture.remove() }
        let base = try Grader(models: fixture.models).grade(fixture.data)
        let reference = try Self.json(fixture, base) { $0.threads = 1 }
        #expect(try Self.json(fixture, base) { $0.threads = 1 } == reference)
        #expect(try Self.json(fixture, base) { $0.threads = 2 } == reference)
        #expect(try Self.json(fixture, base) { $0.threads = 5; $0.tileFacilities = 3 } == reference)
        #expect(try Self.json(fixture, base) { $0.tileFacilities = 1000; $0.groupsPerChunk = 1 } == reference)
        #expect(try Self.json(fixture, base) { $0.groupsPerChunk = 7 } == reference)
    }

    /// Kinds of more than one product block (128 facilities) at the default panel group of 100, where
    /// OpenBLAS's SkylakeX DGEMM leaves its small-matrix kernels for products above 100³ multiply-adds.
    @Test func sameBytesWhateverTilesAcrossProductBlocks() throws {
        let fixture = try SimulationFixture(facilities: 700)
        defer { fixture.remove() }
        let base = try Grader(models: fixture.models).grade(fixture.data)
        let configure: (inout SimulationOptions) -> Void = { $0.panelGroup = 100; $0.samples = 200 }
        let reference = try Self.json(fixture, base) { configure(&$0); $0.threads = 1 }
        for tile in [3, 50, 200, 1000] {
            #expect(try Self.json(fixture, base) { configure(&$0); $0.tileFacilities = tile } == reference, "tiles of \(tile)")
        }
    }

    @Test func anotherSeedGivesAnotherRun() throws {
        let fixture = try SimulationFixture(facilities: 30)
        defer { fixture.remove() }
        let base = try Grader(models: fixture.models).grade(fixture.data)
        #expect(try Self.json(fixture, base, seed: 1) != Self.json(fixture, base, seed: 2))
    }

    @Test func streamsDependOnEveryIndex() {
        var seen = Set<UInt64>()
        for stream in [SplitMix64.Stream.weights, .panel] {
            for first in 0..<50 as Range<UInt64> {
                for second in 0..<4 as Range<UInt64> {
                    var generator = SplitMix64(seed: 7, stream: stream, first, second)
                    seen.insert(generator.next())
                }
            }
        }
        #expect(seen.count == 2 * 50 * 4)
    }

    @Test func samplesAreTheSameWhateverTheirBatch() throws {
        let models = try ModelLoader.load(directory: SimulationFixture.modelsDirectory)
        let model = models[.tailingsPond]!.model
        var options = SimulationOptions()
        options.seed = 5
        let sampler = WeightSampler(model: model, streamIndex: 2, grading: GradingOptions(), simulation: options, objective: nil)
        let m = sampler.indicatorCount
        var all = [Double](repeating: 0, count: m * 12)
        _ = try all.withUnsafeMutableBufferPointer { try sampler.sample(first: 0, count: 12, into: $0, stride: 12) }
        for s in [0, 5, 11] {
            var one = [Double](repeating: 0, count: m)
            _ = try one.withUnsafeMutableBufferPointer { try sampler.sample(first: s, count: 1, into: $0, stride: 1) }
            for j in 0..<m { #expect(one[j] == all[j * 12 + s]) }
            #expect(abs(one.reduce(0, +) - 1) < 1e-12)
        }
    }
}
