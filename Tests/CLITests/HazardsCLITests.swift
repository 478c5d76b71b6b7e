import Foundation
import Testing

/// `minerisk hazards` through the built binary: the summary of the bundled data, a red warning for an overdue
/// major danger, closing in the store lifts the veto at the next grade, the Excel import.
@Suite struct HazardsCLITests {
    @Test func summaryOfTheBundledData() throws {
        let result = try minerisk(["hazards", "summary", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result.stdout)
        #expect(report["asOf"] as? String == "2017-05-31")
        let summary = report["summary"] as! [String: Any]
        let found = summary["found"] as! Int, closed = summary["closed"] as! Int
        #expect(found == (report["hazards"] as! [Any]).count && closed > 0 && closed < found)
        #expect(abs(summary["rectificationRate"] as! Double - Double(closed) / Double(found)) < 1e-12)
        let byCounty = summary["byCounty"] as! [String: [String: Any]]
        #expect(byCounty.values.map { $0["found"] as! Int }.reduce(0, +) == found)
        let byLevel = summary["byLevel"] as! [String: [String: Any]]
        #expect(Set(byLevel.keys) == ["general", "major"])
    }

    @Test func anOverdueMajorDangerIsARedWarning() throws {
        let result = try minerisk(["hazards", "overdue", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = try json(result.stdout)["warnings"] as! [[String: Any]]
        #expect(!warnings.isEmpty && warnings.allSatisfy { $0["level"] as? String == "red" })
        let table = try minerisk(["hazards", "overdue"])
        #expect(table.stdout.contains("RED  "))
    }

    @Test func closingInTheStoreLiftsTheVeto() throws {
        let folder = try temporaryFolder()
        let db = folder.appendingPathComponent("s.sqlite").path
        let imported = try minerisk(["db", "import", "--data", "seeds/liangshan-2017", "--db", db, "--round", "2017"])
        #expect(imported.status == 0, "\(imported.stderr)")
        func vetoes(_ facility: String) throws -> [[String: Any]] {
            let graded = try minerisk(["grade", "--db", db, "--round", "2017", "--format", "json"])
            let facilities = try json(graded.stdout)["facilities"] as! [[String: Any]]
            return facilities.first { $0["id"] as? String == facility }!["vetoes"] as! [[String: Any]]
        }
        // UG007's untreated goafs (UG-17) are a veto only through its register row.
        #expect(try vetoes("UG007").map { $0["code"] as! String } == ["UG-17"])
        let list = try json(try minerisk(["hazards", "list", "--db", db, "--round", "2017", "--format", "json"]).stdout)["hazards"] as! [[String: Any]]
        let id = list.first { $0["facility"] as? String == "UG007" && $0["level"] as? String == "major" }!["id"] as! String
        let refused = try minerisk(["hazards", "close", id, "--accepted-by", "验收组", "--accepted-on", "2017-13-01", "--db", db, "--round", "2017"])
        #expect(refused.status == 64)
        let closed = try minerisk(["hazards", "close", id, "--accepted-by", "州安监局 验收组", "--accepted-on", "2017-05-30", "--db", db, "--round", "2017"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(try vetoes("UG007").isEmpty)
        let out = folder.appendingPathComponent("export").path
        let exported = try minerisk(["db", "export", "--db", db, "--round", "2017", "--output", out])
        #expect(exported.status == 0, "\(exported.stderr)")
        let log = try String(contentsOfFile: out + "/hazard_actions.csv", encoding: .utf8)
        #expect(log.contains(",close,") && log.contains(id))
        let register = try String(contentsOfFile: out + "/hazards.csv", encoding: .utf8)
        #expect(register.contains("2017-05-30,州安监局 验收组"))
    }

    @Test func theLibreOfficeRegisterImports() throws {
        let out = try temporaryFolder().appendingPathComponent("hazards.csv").path
        let result = try minerisk(["hazards", "import", "Tests/MineRiskTests/Fixtures/hazards/libreoffice-register.xlsx",
                                   "--data", "Tests/MineRiskTests/Fixtures/mini", "--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 findings written") && result.stdout.contains("1 blank rows skipped (rows 5)"))
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == 5)
    }
}
