import Foundation
import Testing
@testable import MineRisk

/// Every reader says what is wrong, where, and loses nothing (issue: bad input gets a clear error).
@Suite struct DatasetValidationTests {
    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)

    /// A copy of the mini fixture with some files replaced or edited.
    func dataset(_ edits: [String: (String) -> String] = [:]) throws -> URL {
        let folder = try temporaryFolder()
        for name in DatasetLoader.requiredFiles {
            var text = try String(contentsOfFile: fixture("mini/\(name)"), encoding: .utf8)
            if let edit = edits[name] { text = edit(text) }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    func problems(_ edits: [String: (String) -> String]) throws -> [InputProblem] {
        let folder = try dataset(edits)
        do {
            _ = try DatasetLoader(directory: folder.path, models: Self.models).load()
            return []
        } catch let MineRiskError.invalidInput(problems, _) {
            return problems
        }
    }

    @Test func miniFixtureLoads() throws {
        let data = try DatasetLoader(directory: try dataset().path, models: Self.models).load()
        #expect(data.facilities.count == 4)
        #expect(data.rejects.isEmpty)
    }

    @Test func nonNumericValueNamesLineAndColumn() throws {
        let found = try problems(["assessments.csv": { $0.replacingOccurrences(of: "TP1,E1,tp_max_daily_rainfall,25", with: "TP1,E1,tp_max_daily_rainfall,abc") }])
        #expect(found.count == 1)
        #expect(found[0].location.line == 2 && found[0].location.column == 4)
        #expect(found[0].message.contains("expected a finite number, found \"abc\""))
    }

    @Test func nanInfinityAndOutOfRange() throws {
        let found = try problems(["assessments.csv": { text in
            var lines = text.components(separatedBy: "\n")
            lines[1] = lines[1].replacingOccurrences(of: ",25", with: ",NaN")
            lines[2] = lines[2].replacingOccurrences(of: ",25", with: ",inf")
            lines[3] = "TP1,E1,tp_dam_seismic_capacity,-5000"
            return lines.joined(separator: "\n")
        }])
        #expect(found.count >= 3)
        #expect(found.contains { $0.location.line == 2 && $0.message.contains("NaN") })
        #expect(found.contains { $0.location.line == 3 && $0.message.contains("inf") })
    }

    @Test func unknownIdsAreNamed() throws {
        let found = try problems(["assessments.csv": { $0 + "XX9,E1,tp_max_daily_rainfall,10\nTP1,E9,tp_max_daily_rainfall,10\nTP1,E1,no_such_indicator,10\nTP1,E1,ug_goaf_rqd,50\n" }])
        #expect(found.contains { $0.message.contains("unknown facility id \"XX9\"") })
        #expect(found.contains { $0.message.contains("unknown expert id \"E9\"") })
        #expect(found.contains { $0.message.contains("unknown indicator id \"no_such_indicator\"") })
        #expect(found.contains { $0.message.contains("belongs to the underground_mine model") })
    }

    @Test func duplicatesAreRefused() throws {
        let found = try problems([
            "facilities.csv": { $0 + "TP1,又一个,tailings_pond,会理,yes,operating,,10,10,no,,,,,,\n" },
            "experts.csv": { $0 + "E1,王工,工程师,1\n" },
            "assessments.csv": { $0 + "TP1,E1,tp_max_daily_rainfall,30\n" },
        ])
        #expect(found.contains { $0.message.contains("duplicate facility id \"TP1\" (first on line 2)") })
        #expect(found.contains { $0.message.contains("duplicate expert id \"E1\"") })
        #expect(found.contains { $0.message.contains("already assessed tp_max_daily_rainfall for TP1") })
    }

    /// Facility ids are compared as strings are, by canonical equivalence: an id written composed (NFC) in
    /// facilities.csv is the same facility when another file writes it decomposed (NFD), and two rows with the
    /// two forms repeat one id.
    @Test func facilityIdsInEitherUnicodeFormAreTheSameId() throws {
        let composed = "UG\u{E9}", decomposed = "UGe\u{301}"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let original = try String(contentsOfFile: fixture("mini/assessments.csv"), encoding: .utf8)
        let data = try DatasetLoader(directory: try dataset([
            "facilities.csv": { $0.replacingOccurrences(of: "\nUG1,", with: "\n\(composed),") },
            "assessments.csv": { $0.replacingOccurrences(of: "\nUG1,", with: "\n\(decomposed),") },
            "hazards.csv": { $0.replacingOccurrences(of: "\nUG1,", with: "\n\(decomposed),") },
        ]).path, models: Self.models).load()
        #expect(data.facilities[1].id == composed)
        #expect(data.assessments.facility.filter { $0 == 1 }.count == original.components(separatedBy: "\nUG1,").count - 1)
        #expect(data.hazards.map(\.facilityID) == [decomposed])
        let found = try problems(["facilities.csv": { $0 + "\(decomposed),又一个,underground_mine,会东,yes,operating,,,,,,,,,,\n"
                                                      + "\(composed),再一个,underground_mine,会东,yes,operating,,,,,,,,,,\n" }])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("duplicate facility id \"\(composed)\" (first on line 6)") == true)
    }

    @Test func structuralProblems() throws {
        let found = try problems(["facilities.csv": { $0 + "X1,too,few\nX2,a,tailings_pond,会理,yes,operating,,1,1,no,,,,,,,extra\n" }])
        #expect(found.contains { $0.message.contains("too few fields: expected 16 as in the header, found 3") })
        #expect(found.contains { $0.message.contains("too many fields") })
        let empty = try problems(["hazards.csv": { _ in "" }])
        #expect(empty.first?.message.contains("the file is empty") == true)
        let misspelt = try problems(["experts.csv": { $0.replacingOccurrences(of: "weight", with: "wieght") }])
        #expect(misspelt.contains { $0.message.contains("did you mean \"weight\"") })
    }

    @Test func pondValuesAndKinds() throws {
        let found = try problems(["facilities.csv": { $0
            .replacingOccurrences(of: "1500,25", with: "-1500,25")
            .replacingOccurrences(of: "open_pit_mine", with: "quarry") }])
        #expect(found.contains { $0.message.contains("storage_volume_10k_m3: expected a non-negative number, found -1500") })
        #expect(found.contains { $0.message.contains("kind: expected one of") && $0.message.contains("found \"quarry\"") })
    }

    @Test func hazardCodesMustBeVetoesOfTheKind() throws {
        let found = try problems(["hazards.csv": { $0 + "TP1,UG-01,wrong kind,2017-01-01\nTP1,TP-01,bad date,2017-02-30\n" }])
        #expect(found.contains { $0.message.contains("is not a veto of the tailings_pond model") })
        #expect(found.contains { $0.message.contains("expected a date YYYY-MM-DD, found \"2017-02-30\"") })
    }

    @Test func allProblemsOfAFileAreListed() throws {
        let found = try problems(["assessments.csv": { text in
            text.replacingOccurrences(of: ",E2,", with: ",E7,")
        }])
        #expect(found.count == 50) // the cap
    }

    /// --skip-invalid: the valid facilities go on, every rejected row is kept with its reason, counts add up.
    @Test func skipInvalidKeepsEveryRow() throws {
        let folder = try dataset([
            "facilities.csv": { $0 + "BAD1,坏数据,tailings_pond,会理,maybe,operating,,1,1,no,,,,,,\nUG1,重复,underground_mine,会东,yes,operating,,,,,,,,,,\n" },
            "assessments.csv": { $0 + "BAD1,E1,tp_max_daily_rainfall,10\n" },
        ])
        let data = try DatasetLoader(directory: folder.path, models: Self.models, skipInvalid: true).load()
        #expect(data.facilities.map(\.id).sorted() == ["CM1", "OP1", "TP1"])
        #expect(data.rejectedFacilities == 3) // BAD1 and both UG1 rows
        let report = try Grader(models: Self.models).grade(data)
        #expect(report.summary.graded + report.summary.incomplete + report.summary.rejected == 6)
        #expect(data.rejects.contains { $0.reason.contains("standardized: expected yes or no, found \"maybe\"") })
        #expect(data.rejects.contains { $0.reason.contains("facility \"BAD1\" was rejected") })
        #expect(data.rejects.contains { $0.reason.contains("UG1") && $0.line == 3 })
    }
}
