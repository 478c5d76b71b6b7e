import Foundation
import Testing

/// `forms make` and `forms read` through the built binary, on the mini round and the filled-form fixtures.
@Suite struct FormsCLITests {
    private let mini = repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures/mini").path
    private func form(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures/forms/\(name)").path
    }

    @Test func makeWritesOneWorkbookPerExpertWithSomethingToFill() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("forms").path
        let made = try minerisk(["forms", "make", "--data", mini, "--all", "--only-missing", "--output", out])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["scoring-form-E1.xlsx", "scoring-form-E2.xlsx"])
        #expect(made.stdout.contains("2 workbooks, 4 values to fill"))
        #expect(try minerisk(["forms", "make", "--data", mini, "--output", out]).status == 64)
        let unknown = try minerisk(["forms", "make", "--data", mini, "--expert", "E9", "--output", out])
        #expect(unknown.status == 64 && unknown.stderr.contains("--expert E9: no such expert"))
        let hint = try minerisk(["grade", "--data", mini])
        #expect(hint.stdout.contains("minerisk forms make --all --only-missing"))
    }

    @Test func readMergesIntoANewDataFolderThatGradesEveryFacility() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("merged").path
        let read = try minerisk(["forms", "read", form("libreoffice-missing-E1.xlsx"), form("libreoffice-missing-E2.xlsx"),
                                 "--data", mini, "--output", out])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Added 新增: 4") && read.stdout.contains("all can be graded"))
        let graded = try json(try minerisk(["grade", "--data", out, "--format", "json"]).stdout)
        #expect((graded["summary"] as? [String: Any])?["graded"] as? Int == 4)
        let again = try minerisk(["forms", "read", form("libreoffice-missing-E1.xlsx"), "--data", mini, "--output", out])
        #expect(again.status == 73, "an existing data folder is not overwritten")
    }

    @Test func wrongCellsAndConflictsExit65AndWriteNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("merged").path
        let wrong = try minerisk(["forms", "read", form("libreoffice-wrong-E1.xlsx"), "--data", mini, "--output", out])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("sheet \"露天矿山 open_pit_mine\", cell I2: value of op_slope_height: expected 0…1500 m, found 2000"))
        let conflict = try minerisk(["forms", "read", form("libreoffice-full-E1.xlsx"), "--data", mini, "--output", out])
        #expect(conflict.status == 65)
        #expect(conflict.stderr.contains("cell I2: conflict: E1's ug_goaf_rqd of UG1 is recorded as 55, the form gives 60"))
        #expect(!FileManager.default.fileExists(atPath: out + "/assessments.csv"))
        let kept = try minerisk(["forms", "read", form("libreoffice-full-E1.xlsx"), "--data", mini, "--output", out, "--keep-recorded"])
        #expect(kept.status == 0, "\(kept.stderr)")
        let csv = try String(contentsOfFile: out + "/assessments.csv", encoding: .utf8)
        #expect(csv.contains("UG1,E1,ug_goaf_rqd,55") && !csv.contains("UG1,E1,ug_goaf_rqd,60"))
    }

    @Test func readMergesIntoAStoredRound() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("bureau.sqlite").path
        #expect(try minerisk(["db", "import", "--data", mini, "--round", "r1", "--db", store]).status == 0)
        let read = try minerisk(["forms", "read", form("libreoffice-missing-E1.xlsx"), form("openpyxl-missing-E1.xlsx"),
                                 "--db", store, "--round", "r1"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Merged into round r1") && read.stdout.contains("unchanged 未变: 2"))
        let graded = try json(try minerisk(["grade", "--db", store, "--round", "r1", "--format", "json"]).stdout)
        #expect((graded["summary"] as? [String: Any])?["graded"] as? Int == 4)
        let twice = try minerisk(["forms", "read", form("libreoffice-missing-E1.xlsx"), "--db", store, "--round", "r1"])
        #expect(twice.status == 0 && twice.stdout.contains("Added 新增: 0   unchanged 未变: 2"), "read again, the values are recorded")
        #expect(try minerisk(["forms", "read", form("libreoffice-missing-E1.xlsx"), "--db", store]).status == 64)
    }
}
