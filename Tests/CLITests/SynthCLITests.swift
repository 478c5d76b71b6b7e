import Foundation
import Testing

@Suite struct SynthCLITests {
    /// `minerisk synth liangshan-2017 --output DIR` writes the committed seed, and the 2016 round beside it.
    @Test func liangshanWritesTheCommittedSeed() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("liangshan-2017").path
        let result = try minerisk(["synth", "liangshan-2017", "--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("liangshan-2016/assessments.csv"))
        for (round, names) in [("liangshan-2017", ["facilities.csv", "experts.csv", "assessments.csv", "hazards.csv", "coal_mines.csv", "accidents.csv"]),
                               ("liangshan-2016", ["facilities.csv", "experts.csv", "assessments.csv", "hazards.csv", "coal_mines.csv"])] {
            for name in names {
                let fresh = try Data(contentsOf: folder.appendingPathComponent(round).appendingPathComponent(name))
                let stored = try Data(contentsOf: repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(round).appendingPathComponent(name))
                #expect(fresh == stored, "\(round)/\(name)")
            }
        }
    }

    @Test func liangshanWithoutEarlierRound() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("only").path
        let result = try minerisk(["synth", "liangshan-2017", "--output", out, "--no-earlier"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("liangshan-2016").path))
        let graded = try minerisk(["grade", "--data", out, "--format", "json"])
        #expect(graded.status == 0, "\(graded.stderr)")
        let summary = try json(graded.stdout)["summary"] as! [String: Any]
        #expect(summary["graded"] as? Int == 58)
        #expect(summary["facilities"] as? Int == 189)
    }

    @Test func nationalWritesAGradableSet() throws {
        let folder = try temporaryFolder()
        let result = try minerisk(["synth", "national", "--facilities", "120", "--experts", "3", "--seed", "5", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("120 facilities"))
        let graded = try minerisk(["grade", "--data", folder.path, "--format", "json"])
        #expect(graded.status == 0, "\(graded.stderr)")
        let summary = try json(graded.stdout)["summary"] as! [String: Any]
        #expect(summary["facilities"] as? Int == 120)
    }

    @Test func nationalRejectsBadSizes() throws {
        let folder = try temporaryFolder()
        let zero = try minerisk(["synth", "national", "--facilities", "0", "--output", folder.path])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--facilities must be at least 1"))
        let noOutput = try minerisk(["synth", "national", "--facilities", "10"])
        #expect(noOutput.status == 64)
    }

    @Test func missingModelsFolder() throws {
        let folder = try temporaryFolder()
        let result = try minerisk(["synth", "liangshan-2017", "--models", folder.appendingPathComponent("none").path,
                                   "--output", folder.appendingPathComponent("x").path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no such models folder"))
    }
}
