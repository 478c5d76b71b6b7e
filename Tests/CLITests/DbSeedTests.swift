import Foundation
import MineRisk
import Testing

/// The bundled Liangshan rounds through the store: the 2016 and 2017 seeds, once they are in the repository.
@Suite struct DbSeedTests {
    static let seeds = repositoryRoot.appendingPathComponent("seeds")
    static var present: Bool {
        ["liangshan-2016", "liangshan-2017"].allSatisfy {
            FileManager.default.fileExists(atPath: seeds.appendingPathComponent($0).appendingPathComponent("facilities.csv").path)
        }
    }

    /// Both rounds import, grade and compare; the prefecture's accidents and deaths fall for ten years.
    @Test(.enabled(if: present)) func seedRoundsHistoryAndAccidents() throws {
        let store = try temporaryFolder().appendingPathComponent("seed.sqlite").path
        try importRound(Self.seeds.appendingPathComponent("liangshan-2016").path, round: "2016", store: store)
        try importRound(Self.seeds.appendingPathComponent("liangshan-2017").path, round: "2017", store: store)
        for round in ["2016", "2017"] {
            let graded = try db(["grade", "--round", round, "--save", "--models", modelsFolder, "--format", "json"], store: store)
            #expect(graded.status == 0, "\(graded.stderr)")
        }
        let opened = try SQLiteStore.open(store, access: .read)
        defer { try? opened.close() }
        let diff = try opened.diff(from: "2016", to: "2017")
        for change in [GradeChange.up, .down, .new, .closed] {
            #expect((diff.counts[change.rawValue] ?? 0) > 0, "the seed rounds should show facilities \(change.rawValue)")
        }
        let series = try opened.accidents()
        #expect(series.count == 10)
        #expect(zip(series, series.dropFirst()).allSatisfy { $1.year == $0.year + 1 && $1.accidents < $0.accidents && $1.deaths < $0.deaths },
                "ten years of decline: \(series)")
    }
}
