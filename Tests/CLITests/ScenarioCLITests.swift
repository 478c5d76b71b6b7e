import Foundation
import Testing

/// `minerisk scenario` end to end: the built binary, its output and its exit code (sysexits).
@Suite struct ScenarioCLITests {
    static let root: URL = repositoryRoot
    static let fixtures = root.appendingPathComponent("Tests/MineRiskTests/Fixtures/scenario").path
    static let ready = root.appendingPathComponent("seeds/scenarios").path

    /// Runs `minerisk` from the repository root.
    func minerisk(_ arguments: [String]) throws -> CLIResult { try CLITests.minerisk(arguments) }

    var fixtureData: [String] { ["--data", Self.fixtures + "/data", "--models", Self.fixtures + "/models"] }

    @Test func replaysTheSeedRegisterByDefault() throws {
        let table = try minerisk(["scenario"])
        try #require(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("关闭比例 Closure ratio"))
        let run = try minerisk(["scenario", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = run.json
        #expect(json["baselineMines"] as? Int == 20)
        #expect(json["closedMines"] as? Int == 11)
        #expect(json["remainingMines"] as? Int == 9)
        #expect(json["closureRatio"] as? Double == 0.55)
        #expect(json["remainingCapacityTpa"] as? Double == 1_440_000)
    }

    @Test func showsTheRecordedStateOfARegisterInATable() throws {
        let run = try minerisk(["scenario"] + fixtureData)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("关闭比例 Closure ratio") && $0.hasSuffix("50.0%") })
        #expect(lines.contains { $0.hasPrefix("保留产能 Remaining capacity 万吨/年") && $0.hasSuffix(" 75") })
        #expect(lines.contains { $0.hasPrefix("     2016") && $0.contains("C06 关闭, C08 关闭") })
        #expect(lines.contains { $0.hasPrefix("盐源县") })
        #expect(run.stdout.contains("分年度 By year") && run.stdout.contains("分县市 By county") && run.stdout.contains("煤矿 Mines"))
    }

    @Test func flagsApplyOnTopOfTheRecordedState() throws {
        let run = try minerisk(["scenario", "--close-at-or-below", "150000", "--keep", "C03", "--close", "C07", "--format", "json"] + fixtureData)
        #expect(run.status == 0, "\(run.stderr)")
        let json = run.json
        #expect(json["closedMines"] as? Int == 6) // 4 recorded + C07 by name + C02 ≤ 150 kt; C03 kept
        #expect(json["closuresByRule"] as? [String: Int] == ["recorded": 4, "close": 1, "close ≤ 150,000 t/yr": 1])
        let years = (json["byYear"] as? [[String: Any]])?.map { $0["year"] as? Int }
        #expect(years == [2014, 2015, 2016, 2017])
        let mines = json["mines"] as? [[String: Any]] ?? []
        #expect(mines.first { $0["id"] as? String == "C03" }?["kept"] as? Bool == true)
        let later = try minerisk(["scenario", "--close-at-or-below", "150000", "--year", "2020", "--format", "json"] + fixtureData)
        #expect((later.json["byYear"] as? [[String: Any]])?.last?["year"] as? Int == 2020)
    }

    /// C02, a mine of exactly 90,000 t/yr: --close-at-or-below 90000 closes it (≤, 及以下), --close-under 90000 does not (<).
    @Test func theBoundaryFlagsDecideAMineExactlyAtTheLine() throws {
        func closed(_ flags: [String]) throws -> [String: String] {
            let run = try minerisk(["scenario"] + flags + ["--year", "2017", "--format", "json"] + fixtureData)
            #expect(run.status == 0, "\(run.stderr)")
            let mines = run.json["mines"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: mines.filter { $0["closedYear"] as? Int == 2017 }
                .compactMap { m in (m["id"] as? String).map { ($0, m["closedBy"] as? String ?? "") } })
        }
        #expect(try closed(["--close-at-or-below", "90000"]) == ["C02": "close ≤ 90,000 t/yr"])
        #expect(try closed(["--close-under", "90000"]).isEmpty)
        #expect(try closed(["--close-under", "90001"]) == ["C02": "close < 90,001 t/yr"])
        let table = try minerisk(["scenario", "--close-at-or-below", "90000"] + fixtureData)
        #expect(table.stdout.contains("关闭依据 Closed by: 登记 recorded 4, 产能门槛 close ≤ 90,000 t/yr 1"))
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("C02") && $0.contains("产能门槛 close ≤ 90,000 t/yr") })
        // The version 1 flag is refused, naming both replacements.
        let old = try minerisk(["scenario", "--close-below", "90000"] + fixtureData)
        #expect(old.status == 64 && old.stdout.isEmpty)
        #expect(old.stderr.contains("--close-below is no longer accepted") && old.stderr.contains("--close-at-or-below N") && old.stderr.contains("--close-under N"))
    }

    @Test func closeGradeUsesTheGrader() throws {
        let run = try minerisk(["scenario", "--close-grade", "significant", "--format", "json"] + fixtureData)
        #expect(run.status == 0, "\(run.stderr)")
        let mines = run.json["mines"] as? [[String: Any]] ?? []
        let byGrade = mines.filter { $0["closedByKey"] as? String == "closeGrade" }.compactMap { $0["id"] as? String }
        #expect(byGrade == ["C02", "C03"])
        #expect(run.json["gradesUsed"] as? Bool == true)
        #expect((run.json["notes"] as? [String])?.contains { $0.contains("no grade for C07") } == true)
    }

    @Test func comparesScenariosSideBySide() throws {
        let files = ["recorded", "sichuan-90kt", "rule-300kt", "halve-sub-300kt", "close-major"].map { Self.ready + "/\($0).yaml" }
        let table = try minerisk(["scenario", "compare"] + files + fixtureData)
        #expect(table.status == 0, "\(table.stderr)")
        let header = table.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(header.contains("recorded") && header.contains("sichuan-90kt") && header.contains("close-major"))
        let closedRow = table.stdout.split(separator: "\n").first { $0.hasPrefix("关闭煤矿 Closed mines") }
        #expect(closedRow.map { $0.split(separator: " ").suffix(5).map(String.init) } == ["4", "5", "7", "6", "5"])
        let run = try minerisk(["scenario", "compare", "--format", "json"] + files + fixtureData)
        #expect(run.status == 0, "\(run.stderr)")
        let scenarios = run.json["scenarios"] as? [[String: Any]] ?? []
        #expect(scenarios.map { $0["closedMines"] as? Int } == [4, 5, 7, 6, 5])
        #expect(scenarios.map { ($0["scenario"] as? [String: Any])?["start"] as? String } == ["recorded", "baseline", "recorded", "recorded", "recorded"])
    }

    @Test func badScenarioFilesAreDataErrorsNamingFileAndKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minerisk-scenario-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml").path
        try "format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\nsteps:\n  - year: 2018\n    actions:\n      - closeUnder: -5\n      - merge: {mines: [C01, C02], into: C02, capacityTpa: 300000}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try minerisk(["scenario", file, "--format", "json"] + fixtureData)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty) // nothing computed from half a scenario
        #expect(run.stderr.contains("\(file):6:9: steps[0].actions[0].closeUnder: expected a capacity threshold of 0 t/yr or more, found -5"))
        let unknownKey = folder.appendingPathComponent("key.yaml").path
        try "format: {kind: coal-scenario, version: 2}\nname: {zh: a, en: b}\nkeeep: [C02]\n".write(toFile: unknownKey, atomically: true, encoding: .utf8)
        let key = try minerisk(["scenario", unknownKey] + fixtureData)
        #expect(key.status == 65)
        #expect(key.stderr.contains("\(unknownKey):3:1: keeep: unknown key \"keeep\": did you mean \"keep\"?"))
        // compare reads every file first: the good one is not run either.
        let both = try minerisk(["scenario", "compare", Self.ready + "/recorded.yaml", file, unknownKey] + fixtureData)
        #expect(both.status == 65 && both.stdout.isEmpty)
        #expect(both.stderr.contains("keeep") && both.stderr.contains("closeUnder"))
        // A version 1 file is refused at its version with what changed; so is its old rule in a version 2 file.
        let old = folder.appendingPathComponent("v1.yaml").path
        try "format: {kind: coal-scenario, version: 1}\nname: {zh: a, en: b}\nsteps:\n  - year: 2018\n    actions:\n      - closeBelow: 90000\n"
            .write(toFile: old, atomically: true, encoding: .utf8)
        let v1 = try minerisk(["scenario", old] + fixtureData)
        #expect(v1.status == 65 && v1.stdout.isEmpty)
        #expect(v1.stderr.contains("\(old):1:31: format.version: coal-scenario version 1 is no longer read"))
        try String(contentsOfFile: old, encoding: .utf8).replacingOccurrences(of: "version: 1", with: "version: 2")
            .write(toFile: old, atomically: true, encoding: .utf8)
        let retired = try minerisk(["scenario", old] + fixtureData)
        #expect(retired.status == 65)
        #expect(retired.stderr.contains("\(old):6:9: steps[0].actions[0].closeBelow: closeBelow was retired in coal-scenario version 2"))
    }

    @Test func badFlagsAreUsageErrorsAndMissingFilesNoInput() throws {
        let unknown = try minerisk(["scenario", "--close", "C99"] + fixtureData)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("command line: --close: unknown mine id \"C99\""))
        let negative = try minerisk(["scenario", "--close-under=-5"] + fixtureData)
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--close-under: expected a capacity threshold of 0 t/yr or more, found -5"))
        let grade = try minerisk(["scenario", "--close-grade", "general"] + fixtureData)
        #expect(grade.status == 64)
        let missing = try minerisk(["scenario", "/nonexistent/plan.yaml"] + fixtureData)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/plan.yaml: no such file"))
        let register = try minerisk(["scenario", "--register", "/nonexistent/coal.csv"])
        #expect(register.status == 66)
        let one = try minerisk(["scenario", "compare", Self.ready + "/recorded.yaml"] + fixtureData)
        #expect(one.status == 64)
    }
}
