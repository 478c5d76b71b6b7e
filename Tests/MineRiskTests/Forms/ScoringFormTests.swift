import Foundation
import Testing
@testable import MineRisk

/// Scoring forms on the mini round: who gets which pair, the workbook's checks and locks, and filled forms read
/// back from LibreOffice and openpyxl output (Fixtures/forms, made by scripts/make_forms_fixtures.py).
@Suite struct ScoringFormTests {
    let models: ModelSet
    let dataset: Dataset

    init() throws {
        models = try ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)
        dataset = try DatasetLoader(directory: fixture("mini"), models: models).load()
    }

    private func read(_ names: [String]) throws -> (forms: [FilledForm], problems: ProblemList) {
        var problems = ProblemList()
        let reader = ScoringFormReader(dataset: dataset, models: models)
        let forms = try names.compactMap { try reader.read(path: fixture("forms/\($0)"), problems: &problems) }
        return (forms, problems)
    }

    @Test func onlyMissingListsThePairsNobodyHasForEachPanelMember() throws {
        let planner = ScoringFormPlanner(dataset: dataset, models: models)
        let op1 = dataset.facilities.firstIndex { $0.id == "OP1" }!
        #expect(planner.missing(of: op1).map { models[.openPitMine]!.model.indicators[$0].id } == ["op_slope_height", "op_rock_slope_quality"])
        let forms = try planner.forms(experts: nil, onlyMissing: true)
        #expect(forms.map(\.expert.id) == ["E1", "E2"])
        for form in forms {
            #expect(form.sections.map(\.kind) == [.openPitMine])
            #expect(form.sections[0].lines.map { "\($0.facility.id) \($0.indicator.id)" } == ["OP1 op_slope_height", "OP1 op_rock_slope_quality"])
            #expect(form.openLines == 2 && form.lineCount == 2)
        }
    }

    @Test func theFullFormShowsAndLocksTheExpertsOwnValues() throws {
        let planner = ScoringFormPlanner(dataset: dataset, models: models)
        let form = try #require(try planner.forms(experts: ["E1"], onlyMissing: false).first)
        #expect(form.sections.count == 4)
        let recorded = form.sections.flatMap(\.lines).filter { $0.recorded != nil }
        #expect(form.lineCount == dataset.facilities.map { models[$0.kind]!.model.indicators.count }.reduce(0, +))
        #expect(form.openLines == 2 && recorded.count == form.lineCount - 2)

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("full.xlsx").path
        try form.workbook().write(to: path)
        let xml = try XLSXTestReader(path: path)
        let underground = form.sections.firstIndex { $0.kind == .undergroundMine }! + 2
        let cells = try xml.cells(sheet: underground)
        let xfs = try xml.nodes("xl/styles.xml", "//*[local-name()='cellXfs']/*[local-name()='xf']")
        func unlocked(_ reference: String) -> Bool {
            xfs[cells[reference]!.style].elements(forName: "protection").first?.value(of: "locked") == "0"
        }
        // Every underground value of E1 is recorded: shown as a number, locked; the sheet is protected.
        #expect(cells["I2"]?.value == recorded.first { $0.facility.id == "UG1" }!.recorded!.clean)
        #expect(!unlocked("I2"))
        #expect(try xml.nodes("xl/worksheets/sheet\(underground).xml", "//*[local-name()='sheetProtection']").count == 1)
        #expect(try xml.nodes("xl/worksheets/sheet\(underground).xml", "//*[local-name()='pageSetUpPr']").first?.value(of: "fitToPage") == "1")
        let openPit = form.sections.firstIndex { $0.kind == .openPitMine }! + 2
        let openCells = try xml.cells(sheet: openPit)
        #expect(openCells["I2"]?.value == "" && xfs[openCells["I2"]!.style].elements(forName: "protection").first?.value(of: "locked") == "0")
        // The validations cover only the open cells: a drop-down for the level indicator, a range for the height.
        let validations = try xml.nodes("xl/worksheets/sheet\(openPit).xml", "//*[local-name()='dataValidation']")
        #expect(validations.map { $0.value(of: "type") } == ["list", "decimal"])
        #expect(validations.map { $0.value(of: "sqref") } == ["I3", "I2"])
        #expect(validations[0].elements(forName: "formula1").first?.stringValue == "\"1,2,3,4\"")
        #expect(validations[1].elements(forName: "formula2").first?.stringValue == "1500")
        #expect(try xml.nodes("xl/worksheets/sheet\(underground).xml", "//*[local-name()='dataValidation']").isEmpty)
    }

    @Test func libreOfficeAndOpenpyxlFormsReadBack() throws {
        let (forms, problems) = try read(["libreoffice-missing-E1.xlsx", "libreoffice-missing-E2.xlsx", "openpyxl-missing-E1.xlsx"])
        #expect(problems.isEmpty, "\(problems.problems)")
        #expect(forms.map(\.expertID) == ["E1", "E2", "E1"])
        #expect(forms.map { $0.answers.map(\.value) } == [[420, 3], [380.5, 2], [420, 3]], "the vote typed as text reads as 3")
        #expect(forms[0].answers[1].location.description == "\(fixture("forms/libreoffice-missing-E1.xlsx")): sheet \"露天矿山 open_pit_mine\", cell I3")
        let merge = AssessmentMerge(dataset: dataset, models: models, forms: forms)
        #expect(merge.added.count == 4 && merge.unchanged == 2 && merge.conflicts.isEmpty)
        #expect(merge.completeBefore == 3 && merge.completeAfter == 4 && merge.stillMissing.isEmpty)
        let csv = String(decoding: try merge.mergedAssessments(TextFile(path: fixture("mini/assessments.csv"))), as: UTF8.self)
        #expect(csv.hasPrefix(try String(contentsOfFile: fixture("mini/assessments.csv"), encoding: .utf8)))
        #expect(csv.hasSuffix("OP1,E1,op_slope_height,420\nOP1,E1,op_rock_slope_quality,3\nOP1,E2,op_slope_height,380.5\nOP1,E2,op_rock_slope_quality,2\n"))
        let merged = try DatasetLoader(files: ["facilities.csv": bytes("mini/facilities.csv"), "experts.csv": bytes("mini/experts.csv"),
                                               "hazards.csv": bytes("mini/hazards.csv"), "assessments.csv": Array(csv.utf8)], models: models).load()
        #expect(merged.assessments.count == dataset.assessments.count + 4)
    }

    @Test func aWrongValueIsRefusedWithItsSheetAndCell() throws {
        let (_, problems) = try read(["libreoffice-wrong-E1.xlsx"])
        let file = fixture("forms/libreoffice-wrong-E1.xlsx")
        #expect(problems.problems.map(\.description) == [
            "\(file): sheet \"露天矿山 open_pit_mine\", cell I2: value of op_slope_height: expected 0…1500 m, found 2000",
            "\(file): sheet \"露天矿山 open_pit_mine\", cell I3: value: expected a finite number, found \"abc\"",
        ])
    }

    @Test func aChangedRecordedValueIsAConflictAndIsNotWritten() throws {
        let (forms, problems) = try read(["libreoffice-full-E1.xlsx"])
        #expect(problems.isEmpty)
        let merge = AssessmentMerge(dataset: dataset, models: models, forms: forms)
        #expect(merge.conflicts.count == 1)
        let conflict = try #require(merge.conflicts.first)
        #expect(conflict.facilityID == "UG1" && conflict.indicatorID == "ug_goaf_rqd" && conflict.recorded == 55)
        #expect(conflict.answers.map(\.location.path) == ["sheet \"地下矿山 underground_mine\", cell I2"])
        #expect(!merge.added.contains { $0.indicatorID == "ug_goaf_rqd" })
        #expect(merge.added.count == 2, "the two open cells")
        #expect(merge.unchanged == forms[0].answers.count - 3, "every other locked value read back equal")
    }

    @Test func twoFormsThatDisagreeConflictAndNeitherIsWritten() throws {
        let (forms, _) = try read(["libreoffice-missing-E1.xlsx"])
        var other = forms[0]
        other.answers[0].value = 421
        let merge = AssessmentMerge(dataset: dataset, models: models, forms: [forms[0], other])
        #expect(merge.conflicts.count == 1 && merge.conflicts[0].recorded == nil && merge.conflicts[0].answers.map(\.value) == [420, 421])
        #expect(merge.added.map(\.indicatorID) == ["op_rock_slope_quality"])
        #expect(merge.stillMissing.map(\.facilityID) == ["OP1"])
    }

    private func bytes(_ name: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: fixture(name))!) }
}
