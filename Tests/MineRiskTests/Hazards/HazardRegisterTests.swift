import Foundation
import Testing
@testable import MineRisk

/// The register read from hazards.csv: old and new files, codes against Lists/, overdue days, the summary.
@Suite struct HazardRegisterTests {
    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)
    static let catalog: HazardCatalog = try! HazardCatalog.load(directory: repositoryRoot.appendingPathComponent("Lists").path)

    /// The mini fixture with hazards.csv replaced.
    func load(_ hazards: String, catalog: HazardCatalog? = HazardRegisterTests.catalog) throws -> Dataset {
        let folder = try temporaryFolder()
        for name in DatasetLoader.requiredFiles + ["round.yaml"] where name != "hazards.csv" {
            try FileManager.default.copyItem(atPath: fixture("mini/\(name)"), toPath: folder.appendingPathComponent(name).path)
        }
        try hazards.write(to: folder.appendingPathComponent("hazards.csv"), atomically: true, encoding: .utf8)
        var loader = DatasetLoader(directory: folder.path, models: Self.models)
        loader.catalog = catalog
        return try loader.load()
    }

    func problems(_ hazards: String) throws -> [String] {
        do {
            _ = try load(hazards)
            return []
        } catch let MineRiskError.invalidInput(problems, _) {
            return problems.map(\.description)
        }
    }

    static let header = "id,facility_id,code,level,description,inspection,found_on,found_by,deadline,responsible,measures,funds,plan,status,accepted_on,accepted_by,reopened\n"

    @Test func theListsHaveTheDecreesCounts() throws {
        let coal = try #require(Self.catalog.lists.first { $0.id == "mem4" })
        #expect(coal.items.count == 80)
        #expect(Set(coal.items.compactMap(\.veto)).count == 15)
        #expect(coal.items.allSatisfy { $0.level == .major })
        let saws85 = try #require(Self.catalog.lists.first { $0.id == "saws85" })
        #expect(saws85.items.allSatisfy { $0.verified == false })
        for kind in [FacilityKind.undergroundMine, .openPitMine, .tailingsPond] {
            let list = try #require(Self.catalog.lists.first { $0.id == "kaq2022" && $0.kind == kind })
            #expect(list.items.count <= list.declaredItems!)
        }
        #expect([32, 13, 19] == [FacilityKind.undergroundMine, .openPitMine, .tailingsPond].map { kind in
            Self.catalog.lists.first { $0.id == "kaq2022" && $0.kind == kind }!.declaredItems! })
    }

    @Test func listsInForceAreChosenByDate() {
        #expect(Self.catalog.lists(for: .coalMine, on: "2017-05-31").map(\.id).sorted() == ["general", "saws85"])
        #expect(Self.catalog.lists(for: .coalMine, on: "2021-01-01").map(\.id).sorted() == ["general", "mem4"])
        #expect(Self.catalog.lists(for: .tailingsPond, on: "2022-08-31").map(\.id).sorted() == ["general", "saws2017"])
        #expect(Self.catalog.lists(for: .tailingsPond, on: "2022-09-01").map(\.id).sorted() == ["general", "kaq2022"])
    }

    @Test func anOldFileReadsAsOpenWithTheListsLevel() throws {
        let data = try load("facility_id,code,description,found_on\nUG1,UG-01,一个出口,2017-03-02\nTP1,YB-06,截洪沟淤堵,2017-03-05\n")
        #expect(data.hazards.map(\.status) == [.open, .open])
        #expect(data.hazards.map(\.level) == [.major, .general])
        #expect(data.hazards[0].id == "UG1:2")
    }

    @Test func aNewFileReadsEveryColumn() throws {
        let row = "H1,CM1,CM-05-2,major,无备用主通风机,汛前检查,2021-03-01,州局,2021-04-30,矿长,安装备用风机,30万元,方案,closed,2021-04-20,验收组,1"
        let data = try load(Self.header + row + "\n")
        let h = data.hazards[0]
        #expect(h.id == "H1" && h.veto == "CM-05" && h.status == .closed && h.acceptedBy == "验收组" && h.reopened == 1)
        #expect(h.cells.joined(separator: ",") == row, "the register writes back the row it read")
        #expect(Self.header.dropLast() == HazardFinding.columns.joined(separator: ","))
    }

    @Test func anUnknownCodeIsRefusedWithTheNearest() throws {
        let found = try problems("facility_id,code,description,found_on\nTP1,TP-1O,typo,2017-03-02\n")
        #expect(found.contains { $0.contains("code \"TP-1O\" is on no list") && $0.contains("nearest: TP-10") && $0.contains("hazards.csv:2:2") })
    }

    @Test func closingNeedsTheAcceptance() throws {
        let found = try problems(Self.header + "H1,TP1,YB-06,,淤堵,,2017-03-01,,2017-04-01,,,,,closed,2017-03-20,,0\n")
        #expect(found.contains { $0.contains("status closed needs accepted_on and accepted_by") })
        let level = try problems(Self.header + "H1,TP1,TP-01,general,爆破,,2017-03-01,,,,,,,open,,,0\n")
        #expect(level.contains { $0.contains("code TP-01 is major on its list") })
    }

    @Test func overdueStartsTheDayAfterTheDeadline() {
        var h = HazardFinding(facilityID: "TP1", code: "YB-06", description: "", foundOn: "2017-03-01")
        h.deadline = "2017-05-31"
        #expect(!HazardRegister.isOverdue(h, asOf: "2017-05-31"))
        #expect(HazardRegister.isOverdue(h, asOf: "2017-06-01"))
        h.status = .closed
        h.acceptedOn = "2017-06-10"
        h.acceptedBy = "验收组"
        #expect(HazardRegister.isOverdue(h, asOf: "2017-06-05"), "not yet accepted on that day")
        #expect(!HazardRegister.isOverdue(h, asOf: "2017-06-10"))
    }

    @Test func onlyOpenMajorDangersVeto() throws {
        let data = try load(Self.header + """
            H1,TP1,TP-01,,爆破,,2017-03-01,,2017-05-01,,,,,closed,2017-04-20,验收组,0
            H2,UG1,UG-01,,一个出口,,2017-03-01,,2017-06-30,,,,,rectifying,,,0
            H3,OP1,YB-04,,警示标志缺失,,2017-03-01,,2017-04-01,,,,,open,,,0

            """)
        let report = try Grader(models: Self.models).grade(data)
        let byID = Dictionary(uniqueKeysWithValues: report.facilities.map { ($0.id, $0) })
        #expect(byID["TP1"]!.vetoes.isEmpty)
        #expect(byID["UG1"]!.vetoes.map(\.code) == ["UG-01"])
        #expect(byID["OP1"]!.vetoes.isEmpty && byID["OP1"]!.findings.allSatisfy { !$0.contains("YB-04") })
    }

    @Test func theSummaryCountsAndWarns() throws {
        let data = try load(Self.header + """
            H1,TP1,TP-01,,爆破,,2017-03-01,,2017-05-01,,,,,closed,2017-04-20,验收组,0
            H2,UG1,UG-01,,一个出口,,2017-03-01,,2017-04-30,矿长,新掘安全出口,80万元,方案,rectifying,,,0
            H3,OP1,YB-04,,警示标志缺失,,2017-03-01,,2017-04-01,,,,,open,,,0
            H4,OP1,YB-01,,台账不全,,2017-06-01,,2017-07-01,,,,,open,,,0

            """)
        let register = HazardRegister(dataset: data)
        let s = register.summary(asOf: "2017-05-31")
        #expect(s.found == 3 && s.closed == 1 && s.overdue == 2)
        #expect(s.rectificationRate == 1.0 / 3.0)
        #expect(s.byLevel["major"]?.found == 2 && s.byLevel["general"]?.overdue == 1)
        #expect(s.byCounty["会东"]?.overdue == 1 && s.byCounty["会理"]?.closed == 1)
        #expect(s.majors.map(\.id) == ["H1", "H2"] && s.majors[1].funds == "80万元")
        let warnings = register.warnings(asOf: "2017-05-31")
        #expect(warnings.map(\.facility) == ["UG1"] && warnings[0].level == "red" && warnings[0].since == "2017-04-30")
    }

    @Test func theBundledRegisterMatchesItsGrades() throws {
        var loader = DatasetLoader(directory: repositoryRoot.appendingPathComponent("seeds/liangshan-2017").path, models: Self.models)
        loader.catalog = Self.catalog
        let data = try loader.load()
        let s = HazardRegister(dataset: data).summary(asOf: data.round!.assessedOn)
        let report = try Grader(models: Self.models).grade(data)
        let vetoedByRow = Set(report.facilities.filter { $0.vetoes.contains { $0.source.contains("hazards.csv") } }.map(\.id))
        #expect(vetoedByRow == Set(s.majors.filter { $0.status != "closed" }.map(\.facility)))
        #expect(s.byLevel["general"]!.found > 0 && s.byLevel["general"]!.closed > 0 && s.overdue > 0)
        #expect(report.summary.facilities == 189 && report.summary.graded == 58)
    }
}
