import Testing
@testable import MineRisk

/// Reading coal_mines.csv: the fixture register, and every kind of bad row reported at file:line:column.
@Suite struct ScenarioRegisterTests {
    static let header = "id,name,county,capacity_tpa,status,closed_year,reason\n"

    @Test func readsTheFixtureRegister() throws {
        let register = try ScenarioFixtures.register()
        #expect(register.mines.count == 8)
        #expect(register.mines.map(\.id) == ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08"])
        let c06 = try #require(register.mines.first { $0.id == "C06" })
        #expect(c06.status == .closed)
        #expect(c06.closedYear == 2016)
        #expect(c06.reason == "安全条件不达标,关闭退出") // a quoted field with a comma
        #expect(c06.capacityTpa == 45_000)
        #expect(c06.line == 7)
        let c02 = try #require(register.mines.first { $0.id == "C02" })
        #expect(c02.status == .operating && c02.closedYear == nil && c02.reason == nil)
        #expect(register.sha256.count == 64)
    }

    @Test func reportsEveryBadRowWithItsPlace() {
        let csv = Self.header + """
        A1,甲,甘洛县,60000,closed,2014,关闭
        A2,乙,甘洛县,-5,operating,,
        A3,丙,甘洛县,90000,shut,,
        A4,丁,甘洛县,90000,closed,,资源枯竭
        A5,戊,甘洛县,90000,operating,2016,
        A1,己,甘洛县,90000,operating,,
        A7,庚,,90000,operating,,
        """
        do {
            _ = try ScenarioFixtures.register(csv: csv)
            Issue.record("a register with bad rows was accepted")
        } catch let MineRiskError.invalidInput(problems, _) {
            let described = problems.map(\.description)
            #expect(described.count == 6)
            #expect(described.contains { $0.hasPrefix("coal_mines.csv:3:4: capacity_tpa: expected a positive capacity") && $0.contains("\"-5\"") })
            #expect(described.contains { $0.hasPrefix("coal_mines.csv:4:5: status: expected operating or closed, found \"shut\"") })
            #expect(described.contains { $0.hasPrefix("coal_mines.csv:5:6: closed_year: a closed mine needs the year it closed") })
            #expect(described.contains { $0.hasPrefix("coal_mines.csv:6:6: closed_year: an operating mine has no closure year") })
            #expect(described.contains { $0.hasPrefix("coal_mines.csv:7:1: duplicate mine id \"A1\" (first on line 2)") })
            #expect(described.contains { $0.hasPrefix("coal_mines.csv:8:3: county: expected a county name") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func namesAMisspeltColumn() {
        let csv = "id,name,county,capacity_tpa,status,closed_yaer,reason\nA1,甲,甘洛县,60000,operating,,\n"
        do {
            _ = try ScenarioFixtures.register(csv: csv)
            Issue.record("a misspelt header was accepted")
        } catch let MineRiskError.invalidInput(problems, _) {
            #expect(problems.contains { $0.description.contains("coal_mines.csv:1:6: unknown column \"closed_yaer\": did you mean \"closed_year\"?") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func refusesAnEmptyRegister() {
        #expect(throws: MineRiskError.self) { try ScenarioFixtures.register(csv: Self.header) }
    }

    @Test func refusesAMissingFile() {
        do {
            _ = try CoalRegisterReader.read(path: "/nonexistent/coal_mines.csv")
            Issue.record("a missing register was accepted")
        } catch let error as MineRiskError {
            #expect(error.exitStatus == .noInput)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
