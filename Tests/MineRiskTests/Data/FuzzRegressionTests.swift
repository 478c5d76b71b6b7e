import Foundation
import Testing
@testable import MineRisk

/// Replays every input kept under Fixtures/fuzz (found by scripts/fuzz/run or written by hand), and a
/// bounded stream of seeded random mutations, through the readers: they may throw, never crash or hang.
@Suite struct FuzzRegressionTests {
    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)
    static let base: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: DatasetLoader.requiredFiles.map {
        ($0, [UInt8](FileManager.default.contents(atPath: fixture("mini/\($0)"))!))
    })

    func inputs(_ target: String) throws -> [[UInt8]] {
        let folder = fixture("fuzz/\(target)")
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map {
            [UInt8](FileManager.default.contents(atPath: folder + "/" + $0)!)
        }
    }

    @Test(arguments: ["csv", "dataset", "model", "matrix"])
    func keptInputs(target: String) throws {
        let kept = try inputs(target)
        #expect(!kept.isEmpty)
        for input in kept { run(target, input) }
    }

    /// Seeded mutations of valid inputs (byte flips, insertions of separators and quotes, truncation).
    @Test(arguments: ["csv", "dataset", "model", "matrix"])
    func seededMutations(target: String) throws {
        var rng = SplitMix64(seed: 20171)
        let seeds: [[UInt8]]
        switch target {
        case "model": seeds = [[UInt8](FileManager.default.contents(atPath: repositoryRoot.appendingPathComponent("Models/coal_mine.yaml").path)!)]
        case "matrix": seeds = [Array("1,2,3\n1/2,1,2\n1/3,1/2,1\n".utf8)]
        default: seeds = Self.base.values.sorted { $0.count < $1.count }
        }
        let specials: [UInt8] = Array(",\"\n\r:-[]{}/0.e\u{00}".utf8) + [0xFF, 0xE5]
        for round in 0..<(target == "dataset" ? 60 : 200) {
            var input = seeds[round % seeds.count]
            for _ in 0..<(1 + rng.nextInt(below: 8)) where !input.isEmpty {
                let at = rng.nextInt(below: input.count)
                switch rng.nextInt(below: 4) {
                case 0: input[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: input.insert(specials[rng.nextInt(below: specials.count)], at: at)
                case 2: input.removeSubrange(at..<min(input.count, at + rng.nextInt(below: 16) + 1))
                default: input = Array(input[..<at])
                }
            }
            if target == "dataset" { input.insert(UInt8(rng.nextInt(below: 4)), at: 0) }
            run(target, input)
        }
    }

    private func run(_ target: String, _ input: [UInt8]) {
        switch target {
        case "dataset": FuzzTargets.dataset(input, base: Self.base, models: Self.models)
        case "model": FuzzTargets.model(input)
        case "matrix": FuzzTargets.matrix(input)
        default: FuzzTargets.csv(input)
        }
    }
}
