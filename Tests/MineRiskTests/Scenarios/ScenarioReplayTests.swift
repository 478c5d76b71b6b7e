import Foundation
import Testing
@testable import MineRisk

/// The 2017 Liangshan report (seed-article.txt): 煤矿企业总量下降至9家,产能缩减至144万吨/年,小煤矿关闭比例达55%.
/// Replaying the closures recorded in the bundled register must give these figures. The register is part
/// of the repository: a missing file fails this test, it does not skip it.
@Suite struct ScenarioReplayTests {
    static let seedRegister = ScenarioFixtures.repositoryRoot + "/seeds/liangshan-2017/coal_mines.csv"

    @Test func replayOfTheSeedRegisterGivesTheReportFigures() throws {
        let register = try CoalRegisterReader.read(path: Self.seedRegister)
        let result = try ScenarioEngine(register: register).run(.recorded)
        let t = result.totals
        #expect(t.baselineMines == 20)
        #expect(t.closedMines == 11)
        #expect(t.remainingMines == 9)
        #expect(abs(t.closureRatio - 0.55) < 1e-9)
        #expect(abs(t.remainingCapacityTpa - 1_440_000) < 1e-6) // 144万吨/年
        #expect(result.closuresByRule == ["recorded": 11])
        #expect(result.byYear.last?.totals == t)
        #expect(result.byCounty.map(\.totals.remainingMines).reduce(0, +) == 9)
    }
}
