import Testing
@testable import MineRisk

/// closeGrade with grades made by the grader on the fixture data (two-indicator coal model, one veto).
@Suite struct ScenarioGradeTests {
    /// The coal mines' grades by `Grader`, as `minerisk scenario --close-grade` gets them.
    func fixtureGrades() throws -> [String: RiskGrade] {
        let models = try ModelLoader.load(directory: ScenarioFixtures.modelsDirectory)
        let data = try DatasetLoader(directory: ScenarioFixtures.dataDirectory, models: models).load()
        let report = try Grader(models: models).grade(data)
        var grades: [String: RiskGrade] = [:]
        for facility in report.facilities where facility.kind == .coalMine { grades[facility.id] = facility.grade }
        return grades
    }

    @Test func closesTheMinesTheGraderGradesMajor() throws {
        let grades = try fixtureGrades()
        // The fixture is built so: C02 vetoed (CM-01), C03 scored 65–68, C05 95, C07 incomplete.
        #expect(grades == ["C02": .major, "C03": .significant, "C05": .low])
        let scenario = try ScenarioLoader.load(path: ScenarioFixtures.readyScenarios + "/close-major.yaml")
        #expect(scenario.needsGrades)
        let result = try ScenarioEngine(register: ScenarioFixtures.register(), grades: grades).run(scenario)
        let byGrade = result.mines.filter { $0.closedByKey == "closeGrade" }.map(\.id)
        #expect(byGrade == grades.filter { $0.value >= .major }.keys.sorted())
        #expect(result.mine("C02")?.closedYear == 2018)
        #expect(result.notes == ["2018 closeGrade major: no grade for C07 (not in the graded data, or assessment incomplete): not judged"])
    }
}
