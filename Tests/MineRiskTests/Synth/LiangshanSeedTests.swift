import Foundation
import Testing
@testable import MineRisk

/// The committed Liangshan seed: it is the generator's output, and grading it gives the 2017 report's totals
/// (DOMAIN §1: 189 assessed, 58 graded, 160 non-coal standardized, every class-3-and-above pond monitored).
@Suite struct LiangshanSeedTests {
    /// Regenerating with the fixed seed and the bundled models gives the committed files byte for byte.
    @Test func committedFilesAreTheGeneratorsOutput() throws {
        let models = try ModelLoader.load(directory: modelsFolder)
        let folder = try temporaryFolder()
        let out2017 = folder.appendingPathComponent("liangshan-2017").path
        let out2016 = folder.appendingPathComponent("liangshan-2016").path
        try LiangshanSynthesizer(models: models, plan: planFile).write(to: out2017, earlier: out2016)
        for (generated, committed, names) in [(out2017, seed2017, LiangshanSynthesizer.files2017),
                                              (out2016, seed2016, LiangshanSynthesizer.files2016)] {
            for name in names {
                let fresh = try Data(contentsOf: URL(fileURLWithPath: generated).appendingPathComponent(name))
                let stored = try Data(contentsOf: URL(fileURLWithPath: committed).appendingPathComponent(name))
                #expect(fresh == stored, "\(committed)/\(name) differs from the generator's output: run `minerisk synth liangshan-2017` and commit")
            }
        }
    }

    /// Two runs give the same bytes (no hidden state, no unseeded randomness).
    @Test func generatorIsDeterministic() throws {
        let models = try ModelLoader.load(directory: modelsFolder)
        let first = try LiangshanSynthesizer(models: models, plan: planFile).generate()
        let second = try LiangshanSynthesizer(models: models, plan: planFile).generate()
        #expect(first == second)
        let other = try LiangshanSynthesizer(models: models, plan: planFile, seed: 7).generate()
        #expect(other[2017]!["assessments.csv"] != first[2017]!["assessments.csv"])
    }

    /// The plan file is checked: a misspelt key and counts that do not fit are named with their YAML path.
    @Test func badPlansAreRefusedByPath() throws {
        let models = try ModelLoader.load(directory: modelsFolder)
        let text = try String(contentsOfFile: planFile, encoding: .utf8)
        let folder = try temporaryFolder()
        func refusal(_ edit: (String) -> String) throws -> String {
            let path = folder.appendingPathComponent("plan.yaml").path
            try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try LiangshanSynthesizer(models: models, plan: path)
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(try refusal { $0 } == "accepted")
        let misspelt = try refusal { $0.replacingOccurrences(of: "monitoredClass5:", with: "monitoredClas5:") }
        #expect(misspelt.contains("monitoredClas5") && misspelt.contains("did you mean \"monitoredClass5\""), "\(misspelt)")
        let ponds = try refusal { $0.replacingOccurrences(of: "{class: 5, ponds: 27}", with: "{class: 5, ponds: 28}") }
        #expect(ponds.contains("pondClasses2017") && ponds.contains("add up to the 48 ponds"), "\(ponds)")
        let counties = try refusal { $0.replacingOccurrences(of: "{county: 美姑县, mines: 1}", with: "{county: 美姑县, mines: 2}") }
        #expect(counties.contains("coalCounties") && counties.contains("21 mines, the register has 20"), "\(counties)")
    }

    @Test func gradingReproducesTheReportsTotals() throws {
        let report = try gradeFolder(seed2017)
        let s = report.summary
        #expect(s.facilities == 189)
        #expect(s.byKind["coal_mine"]?.facilities == 9)
        #expect(s.nonCoalFacilities == 180)
        #expect(s.nonCoalStandardized == 160)
        #expect(s.graded == 58)
        #expect(s.incomplete == 131)
        #expect(s.rejected == 0)
        let incomplete = report.facilities.filter { $0.status == .incomplete }
        #expect(incomplete.allSatisfy { !$0.missing.isEmpty })
        #expect(report.facilities.filter { $0.status == .graded }.allSatisfy { $0.grade != nil })
        // Graded with missing indicators only by a veto or a 危库/险库 safety degree, which decide the grade by themselves.
        #expect(report.facilities.filter { $0.status == .graded && !$0.missing.isEmpty }.allSatisfy { [.veto, .safetyDegree].contains($0.gradedBy) })
        #expect(report.facilities.contains { $0.status == .graded && !$0.missing.isEmpty })
        #expect(Set(report.facilities.map(\.county)) == Set(SynthNames.liangshanCounties.map(\.name)))
        #expect(s.byCounty.count == 17)
    }

    /// Every pond of class 1–3 is monitored online; most ponds are class 4–5, a few class 3.
    @Test func pondsByClassAndMonitoring() throws {
        let report = try gradeFolder(seed2017)
        let ponds = report.facilities.filter { $0.kind == .tailingsPond }
        #expect(!ponds.isEmpty)
        #expect(ponds.filter { $0.tailingsClass! <= 3 }.allSatisfy { $0.onlineMonitoring == true })
        #expect(report.summary.ponds.missingMonitoring == 0)
        let small = ponds.filter { $0.tailingsClass! >= 4 }.count
        let class3 = ponds.filter { $0.tailingsClass == 3 }.count
        #expect(small * 4 >= ponds.count * 3, "most ponds class 4–5: \(small) of \(ponds.count)")
        #expect((1...6).contains(class3))
        #expect(ponds.allSatisfy { $0.tailingsClass! >= 3 })
        // Mostly normal ponds, a couple sick or risky.
        let degrees = ponds.compactMap(\.safetyDegree)
        #expect(degrees.filter { $0 == .normal }.count * 10 >= degrees.count * 8)
        #expect(degrees.contains { $0 != .normal })
    }

    /// A pond's online-monitoring indicator agrees with its online_monitoring field: without a system its experts
    /// score coverage and operation below the model's major edge (55).
    @Test func monitoringIndicatorAgreesWithTheField() throws {
        let unmonitored = Set(try csvTable(seed2017 + "/facilities.csv").filter { $0["kind"] == "tailings_pond" && $0["online_monitoring"] == "no" }.map { $0["id"]! })
        #expect(!unmonitored.isEmpty)
        var values: [String: [Double]] = [:]
        for row in try csvTable(seed2017 + "/assessments.csv") where row["indicator_id"] == "tp_online_monitoring" {
            values[row["facility_id"]!, default: []].append(Double(row["value"]!)!)
        }
        for id in unmonitored {
            guard let scores = values[id] else { continue }
            #expect(scores.reduce(0, +) / Double(scores.count) < 55, "\(id) has no online monitoring but scores \(scores)")
        }
    }

    /// Grades mostly low and general, some significant, a few major, exactly one complete facility major only by its veto.
    @Test func gradeDistribution() throws {
        let report = try gradeFolder(seed2017)
        let byGrade = report.summary.byGrade
        let low = byGrade["low"]!, general = byGrade["general"]!, significant = byGrade["significant"]!, major = byGrade["major"]!
        #expect(low + general + significant + major == 58)
        #expect((low + general) * 3 >= 58 * 2, "low and general should be most: \(byGrade)")
        #expect(significant >= 1)
        #expect((1...8).contains(major))
        let bands = try ModelLoader.load(directory: modelsFolder)
        let vetoOnly = report.facilities.filter { f in
            guard f.grade == .major, let score = f.score else { return false }
            let band = GradeBands(bands[f.kind]!.model.grading.bands).grade(of: score)
            return band != .major
        }
        #expect(vetoOnly.count == 1)
        #expect(vetoOnly.allSatisfy { !$0.vetoes.isEmpty })
    }

    /// Expert panels of 3–7 that disagree on their scores.
    @Test func panelsDisagree() throws {
        let rows = try csvTable(seed2017 + "/assessments.csv")
        var byItem: [String: [Double]] = [:]
        var panels: [String: Set<String>] = [:]
        for row in rows {
            byItem[row["facility_id"]! + "|" + row["indicator_id"]!, default: []].append(Double(row["value"]!)!)
            panels[row["facility_id"]!, default: []].insert(row["expert_id"]!)
        }
        #expect(panels.count == 189)
        #expect(panels.values.allSatisfy { (3...7).contains($0.count) })
        let spread = byItem.values.filter { $0.count >= 3 }.map { ($0.max()! - $0.min()!) }
        #expect(spread.filter { $0 > 0 }.count * 3 >= spread.count, "experts should differ on many items")
        let experts = try csvTable(seed2017 + "/experts.csv")
        #expect((15...25).contains(experts.count))
    }

    /// The coal register: 20 mines at baseline, 11 closed (55 %), 9 operating with 1,440,000 t/yr, and the
    /// operating ones are the coal mines of facilities.csv with the same capacities.
    @Test func coalRegister() throws {
        let register = try csvTable(seed2017 + "/coal_mines.csv")
        #expect(register.count == 20)
        let closed = register.filter { $0["status"] == "closed" }
        let operating = register.filter { $0["status"] == "operating" }
        #expect(closed.count == 11)
        #expect(operating.count == 9)
        #expect(operating.map { Int($0["capacity_tpa"]!)! }.reduce(0, +) == 1_440_000)
        #expect(closed.allSatisfy { !$0["closed_year"]!.isEmpty && !$0["reason"]!.isEmpty })
        #expect(operating.allSatisfy { $0["closed_year"]!.isEmpty && $0["reason"]!.isEmpty })
        // Closed mines are small: most at or under Sichuan's 90,000 t/yr exit line (DOMAIN §6).
        #expect(closed.filter { Int($0["capacity_tpa"]!)! <= 90_000 }.count * 4 >= closed.count * 3)
        #expect(operating.contains { Int($0["capacity_tpa"]!)! <= 90_000 })
        let coalFacilities = try csvTable(seed2017 + "/facilities.csv").filter { $0["kind"] == "coal_mine" }
        let byID = Dictionary(uniqueKeysWithValues: operating.map { ($0["id"]!, $0["capacity_tpa"]!) })
        #expect(coalFacilities.count == 9)
        #expect(coalFacilities.allSatisfy { byID[$0["id"]!] == $0["capacity_tpa"] })
    }

    /// 2007–2016: accidents and deaths fell every year.
    @Test func accidentsFallTenYearsRunning() throws {
        let rows = try csvTable(seed2017 + "/accidents.csv")
        #expect(rows.map { Int($0["year"]!)! } == Array(2007...2016))
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(Int(b["accidents"]!)! < Int(a["accidents"]!)!)
            #expect(Int(b["deaths"]!)! < Int(a["deaths"]!)!)
        }
    }
}
