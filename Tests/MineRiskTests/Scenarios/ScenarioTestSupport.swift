import Foundation
@testable import MineRisk

/// Paths and builders shared by the scenario tests.
enum ScenarioFixtures {
    /// The repository root (Support.swift finds it).
    static let repositoryRoot: String = MineRiskTests.repositoryRoot.path

    /// Tests/MineRiskTests/Fixtures/scenario: a register of 8 mines in 3 counties, and a data folder to grade them.
    static var directory: String { repositoryRoot + "/Tests/MineRiskTests/Fixtures/scenario" }
    static var dataDirectory: String { directory + "/data" }
    static var modelsDirectory: String { directory + "/models" }
    static var readyScenarios: String { repositoryRoot + "/seeds/scenarios" }

    /// The fixture register: C01 60 kt closed 2014, C02 90 kt, C03 150 kt, C04 30 kt closed 2015, C05 300 kt,
    /// C06 45 kt closed 2016, C07 210 kt, C08 90 kt closed 2016 (C02, C03, C05, C07 operating).
    static func register() throws -> CoalRegister {
        try CoalRegisterReader.read(path: dataDirectory + "/coal_mines.csv")
    }

    /// A register from CSV text, for error cases.
    static func register(csv: String, file: String = "coal_mines.csv") throws -> CoalRegister {
        try CoalRegisterReader.read(CSVReader(file: file, text: TextFile(utf8: Array(csv.utf8), displayName: file)))
    }

    /// A scenario from the body of a YAML file (the format line is added).
    static func scenario(_ body: String, file: String = "test.yaml") throws -> CoalScenario {
        try ScenarioLoader.decode("format: {kind: coal-scenario, version: 2}\nname: {zh: 测试, en: Test}\n" + body, file: file)
    }

    /// Runs a scenario body on the fixture register.
    static func run(_ body: String, grades: [String: RiskGrade]? = nil) throws -> ScenarioResult {
        try ScenarioEngine(register: register(), grades: grades).run(scenario(body))
    }

    /// The problems a scenario body raises on the fixture register (empty when it runs).
    static func problems(_ body: String, grades: [String: RiskGrade]? = nil) -> [InputProblem] {
        do {
            _ = try run(body, grades: grades)
            return []
        } catch let MineRiskError.invalidInput(problems, _) {
            return problems
        } catch {
            return [InputProblem(SourceLocation(file: "?"), "unexpected error \(error)")]
        }
    }
}

extension ScenarioResult {
    /// A mine's outcome by id.
    func mine(_ id: String) -> MineOutcome? { mines.first { $0.id == id } }

    /// The ids of the closed mines, in register order.
    var closedIDs: [String] { mines.filter { $0.status == .closed }.map(\.id) }
}
