import Foundation
import Testing
@testable import MineRisk

/// The rules of the standards that decide a grade by themselves, each at its boundary, with its clause.
@Suite struct StandardsRulesTests {
    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)

    /// The mini fixture with its files edited: `edit` gets file name → text.
    func grade(_ edit: (inout [String: String]) -> Void, asOf: String? = nil) throws -> GradeReport {
        var files: [String: String] = [:]
        for name in ["facilities.csv", "experts.csv", "assessments.csv", "hazards.csv", "round.yaml"] {
            files[name] = try String(contentsOfFile: fixture("mini/\(name)"), encoding: .utf8)
        }
        edit(&files)
        let data = try DatasetLoader(files: files.mapValues { Array($0.utf8) }, models: Self.models).load()
        var options = GradingOptions()
        options.asOf = asOf
        return try Grader(models: Self.models, options: options).grade(data)
    }

    func result(_ report: GradeReport, _ id: String) -> FacilityResult { report.facilities.first { $0.id == id }! }

    /// DOMAIN §5: a veto decides the grade by itself, whether or not the assessment is complete
    /// (安监总管一〔2017〕98号 地下矿山(一): fewer than two exits).
    @Test func vetoGradesAnIncompleteFacilityMajor() throws {
        let report = try grade { files in
            // UG1 loses every value of one indicator: incomplete, and its hazards.csv row UG-01 stays.
            files["assessments.csv"] = files["assessments.csv"]!.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !($0.hasPrefix("UG1,") && $0.contains(",ug_hoisting,")) }.joined(separator: "\n")
        }
        let ug = result(report, "UG1")
        #expect(!ug.missing.isEmpty)
        #expect(ug.status == .graded && ug.grade == .major && ug.gradedBy == .veto && ug.score == nil)
        #expect(ug.vetoes == [VetoFinding(code: "UG-01", text: Self.models[.undergroundMine]!.model.vetoes[0].text.zh, source: "hazards.csv:2")])
        #expect(report.summary.graded == (try grade { _ in }).summary.graded)
    }

    /// Vetoes that facilities.csv records itself need no hazards.csv row: flood discharge seriously blocked or
    /// collapsed is TP-09, freeboard or beach below design TP-08 (安监总管一〔2017〕98号 尾矿库(八)(九)).
    @Test func fieldsOfFacilitiesCSVAreVetoesThemselves() throws {
        for (value, expected) in [("seriously_blocked", true), ("collapsed", true), ("partly_blocked", false), ("normal", false)] {
            let report = try grade { $0["facilities.csv"] = $0["facilities.csv"]!.replacingOccurrences(of: ",yes,yes,normal,", with: ",yes,yes,\(value),") }
            let tp = result(report, "TP1")
            #expect(tp.vetoes.contains { $0.code == "TP-09" && $0.source == "facilities.csv:2 flood_discharge" } == expected, "\(value)")
        }
        let beach = try grade { $0["facilities.csv"] = $0["facilities.csv"]!.replacingOccurrences(of: ",yes,yes,normal,", with: ",yes,no,normal,") }
        #expect(result(beach, "TP1").vetoes.map(\.source) == ["facilities.csv:2 beach_length_ok"])
        #expect(result(beach, "TP1").grade == .major && result(beach, "TP1").gradedBy == .veto)
    }

    /// AQ 2006-2005 §8: partly blocked drains are 险库; 险库 and 危库 grade major (《尾矿库安全监督管理规定》,
    /// SAWS Order 6 art. 19), 病库 is a finding and leaves the score's grade.
    @Test func safetyDegreeGradesRiskyAndDangerousPondsMajor() throws {
        var pond = PondData(storageVolume: 500, damHeight: 40, onlineMonitoring: false)
        pond.floodDischarge = .partlyBlocked
        #expect(SafetyDegree.assess(pond, pondClass: 4) == .risky)
        #expect(SafetyDegree.risky.gradesMajor && SafetyDegree.dangerous.gradesMajor)
        #expect(!SafetyDegree.sick.gradesMajor && !SafetyDegree.normal.gradesMajor)
        // Required factor 1.15 (class 4): 0.98 × 1.15 = 1.127 is the 险库 edge; 1.127 itself is 病库.
        let sick = try grade { $0["facilities.csv"] = $0["facilities.csv"]!.replacingOccurrences(of: "1500,25,yes,1.30,", with: "1500,25,yes,1.127,") }
        #expect(result(sick, "TP1").safetyDegree == .sick && result(sick, "TP1").gradedBy == .score)
        #expect(result(sick, "TP1").findings.contains { $0.contains("病库") })
        let risky = try grade { $0["facilities.csv"] = $0["facilities.csv"]!.replacingOccurrences(of: "1500,25,yes,1.30,", with: "1500,25,yes,1.126,") }
        #expect(result(risky, "TP1").safetyDegree == .risky)
        #expect(result(risky, "TP1").grade == .major && result(risky, "TP1").gradedBy == .safetyDegree)
    }

    /// The major-hazard list is the one in force on the round's date: 矿安〔2022〕88号 from 2022-09-01 adds
    /// TP-13 (monitoring failed or data tampered), which the 2017 list does not carry.
    @Test func vetoListIsChosenByTheRoundsDate() throws {
        let tailings = Self.models[.tailingsPond]!.model
        #expect(tailings.vetoes(on: "2022-08-31").list?.id == "saws2017")
        #expect(tailings.vetoes(on: "2022-09-01").list?.id == "kaq2022")
        #expect(!tailings.vetoes(on: "2022-08-31").rules.contains { $0.code == "TP-13" })
        #expect(tailings.vetoes(on: "2022-09-01").rules.contains { $0.code == "TP-13" })
        // Coal: Order 85 (2015) until 应急管理部令第4号 takes force on 2021-01-01.
        let coal = Self.models[.coalMine]!.model
        #expect(coal.vetoes(on: "2020-12-31").list?.id == "saws85")
        #expect(coal.vetoes(on: "2021-01-01").list?.id == "mem4")
        func hazard(_ date: String?) throws -> FacilityResult {
            let report = try grade({ $0["hazards.csv"]! += "TP1,TP-13,监测系统运行不正常未及时修复,2017-04-01\n" }, asOf: date)
            return result(report, "TP1")
        }
        let before = try hazard(nil)
        #expect(!before.vetoes.contains { $0.code == "TP-13" })
        #expect(before.findings.contains { $0.contains("TP-13") && $0.contains("not on the major-hazard list in force on 2017-05-31") })
        #expect(try hazard("2022-09-01").vetoes.map(\.code) == ["TP-13"])
    }

    /// GB 39496-2020 §5.5.1 (in force 2021-09-01) asks online monitoring of every pond; the 2011 regime of
    /// classes 1–3 holds before. A round dated 2022 requires it of a class-5 pond; the 2017 round does not.
    @Test func monitoringDutyFollowsTheRoundsDate() throws {
        let folder = repositoryRoot.appendingPathComponent("seeds/liangshan-2017").path
        let data = try DatasetLoader(directory: folder, models: Self.models).load()
        #expect(data.round?.assessedOn == "2017-05-31")
        let r2017 = try Grader(models: Self.models).grade(data)
        var options = GradingOptions()
        options.asOf = "2022-06-01"
        let r2022 = try Grader(models: Self.models, options: options).grade(data)
        let class5 = try #require(r2017.facilities.first { $0.tailingsClass == 5 && $0.onlineMonitoring == false })
        #expect(class5.monitoringRequired == false && !class5.findings.contains { $0.contains("online monitoring") })
        let later = result(r2022, class5.id)
        #expect(later.monitoringRequired == true && later.findings.contains { $0.contains("GB 39496-2020") })
        #expect(r2017.provenance.asOf == RoundDate(date: "2017-05-31", from: "round.yaml"))
        #expect(r2022.provenance.asOf == RoundDate(date: "2022-06-01", from: "--as-of"))
        // The 2017 list holds until 2022-09-01, when 矿安〔2022〕88号 takes over.
        #expect(r2022.provenance.rules.contains { $0.id == "vetoes:tailings_pond" && $0.text.contains("saws2017") })
        options.asOf = "2022-09-01"
        let after = try Grader(models: Self.models, options: options).grade(data)
        #expect(after.provenance.rules.contains { $0.id == "vetoes:tailings_pond" && $0.source.contains("矿安〔2022〕88号") })
        #expect(r2017.summary.ponds.missingMonitoring == 0)
    }

    /// One tie rule for both ways of grading: a score on a band edge and a membership tie both go to the
    /// riskier grade.
    @Test func tiesGoToTheRiskierGrade() {
        let bands = GradeBands(Self.models[.tailingsPond]!.model.grading.bands)
        #expect(bands.grade(of: 25) == .general)
        #expect(bands.grade(of: 24.999999) == .low)
        #expect(bands.grade(of: 75) == .major)
        #expect(RiskGrade.ofMaximumMembership([0.5, 0.5, 0, 0]) == .general)
        #expect(RiskGrade.ofMaximumMembership([0.1, 0.3, 0.3, 0.3]) == .major)
        #expect(RiskGrade.ofMaximumMembership([0.6, 0.4, 0, 0]) == .low)
    }

    /// round.yaml is checked like every input: an unknown key or a bad date names its line.
    @Test func roundFileIsChecked() throws {
        #expect(throws: MineRiskError.self) { try RoundMetadata.parse("round: x\nassessedOn: 2017-02-30\n", file: "round.yaml") }
        do {
            _ = try RoundMetadata.parse("round: x\nassesedOn: \"2017-05-31\"\n", file: "round.yaml")
            Issue.record("a misspelt key was accepted")
        } catch {
            #expect("\(error)".contains("round.yaml:2") && "\(error)".contains("did you mean \"assessedOn\""), "\(error)")
        }
        #expect(try RoundMetadata.parse("round: \"2017\"\nassessedOn: \"2017-05-31\"\nregion: 凉山\n", file: "round.yaml").assessedOn == "2017-05-31")
    }
}
