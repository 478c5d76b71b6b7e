import Foundation
import MineRisk
import Testing

/// The `db` commands and `grade --db --round --save`, run as a user would.
@Suite struct DbCLITests {
    /// Import two rounds, grade and save both, then read them back: rounds, history, diff, export.
    @Test func workflow() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("bureau.sqlite").path
        try importRound(storeFixtureRound("2016"), round: "2016", store: store)
        let imported = try db(["db", "import", "--data", storeFixtureRound("2017"), "--round", "2017", "--models", modelsFolder, "--format", "json"], store: store)
        #expect(imported.status == 0, "\(imported.stderr)")
        let summary = try json(imported.stdout)
        #expect(summary["facilities"] as? Int == 7 && summary["assessments"] as? Int == 429 && summary["accidentYears"] as? Int == 10)

        let twice = try db(["db", "import", "--data", storeFixtureRound("2017"), "--round", "2017", "--models", modelsFolder], store: store)
        #expect(twice.status == 73)
        #expect(twice.stderr.contains("round 2017 is already in the store") && twice.stderr.contains("pass --replace"))

        for round in ["2016", "2017"] {
            let graded = try db(["grade", "--round", round, "--save", "--models", modelsFolder, "--format", "json"], store: store)
            #expect(graded.status == 0, "\(graded.stderr)")
            #expect(graded.stderr.contains("saved grading run"))
        }

        let rounds = try db(["db", "rounds", "--format", "json"], store: store)
        let list = try JSONSerialization.jsonObject(with: Data(rounds.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(list.compactMap { $0["id"] as? String } == ["2016", "2017"])
        let latest = list.last?["latestRun"] as? [String: Any]
        #expect((latest?["byGrade"] as? [String: Int]) == ["low": 1, "general": 3, "significant": 1, "major": 1])
        #expect((latest?["options"] as? [String: Any])?["riTable"] as? String == "chinese")
        #expect(try db(["db", "rounds"], store: store).stdout.contains("run 2: 1/1/3/1, 1"))

        let history = try json(try db(["db", "history", "OP001", "--format", "json"], store: store).stdout)
        let entries = history["entries"] as? [[String: Any]] ?? []
        #expect(entries.map { ($0["result"] as? [String: Any])?["grade"] as? String } == ["low", "significant"])
        let table = try db(["db", "history", "UG002"], store: store)
        #expect(table.status == 0 && table.stdout.contains("Not in round 2017"))

        let diff = try json(try db(["db", "diff", "2016", "2017", "--format", "json"], store: store).stdout)
        #expect((diff["counts"] as? [String: Int]) == ["up": 2, "down": 2, "same": 1, "new": 2, "closed": 1, "incomplete": 0])
        let diffTable = try db(["db", "diff", "2016", "2017"], store: store).stdout
        #expect(diffTable.contains("Grade down 风险下降 (2)") && diffTable.contains("UG002"))

        let out = folder.appendingPathComponent("export-2017")
        let export = try db(["db", "export", "--round", "2017", "--output", out.path, "--format", "json"], store: store)
        #expect(export.status == 0, "\(export.stderr)")
        for name in ["facilities.csv", "experts.csv", "assessments.csv", "hazards.csv", "coal_mines.csv", "accidents.csv"] {
            let exported = try Data(contentsOf: out.appendingPathComponent(name))
            let original = try Data(contentsOf: URL(fileURLWithPath: storeFixtureRound("2017")).appendingPathComponent(name))
            #expect(exported == original, "\(name) differs from the imported file")
        }
    }

    /// Grading a stored round prints what grading its folder prints; only the data's origin differs.
    @Test func gradeFromTheStoreMatchesTheFolder() throws {
        let store = try temporaryFolder().appendingPathComponent("s.sqlite").path
        try importRound(storeFixtureRound("2017"), round: "2017", store: store)
        let fromStore = try db(["grade", "--round", "2017", "--models", modelsFolder, "--format", "csv"], store: store)
        let fromFolder = try minerisk(["grade", "--data", storeFixtureRound("2017"), "--models", modelsFolder, "--format", "csv"])
        #expect(fromStore.status == 0 && fromFolder.status == 0)
        #expect(fromStore.stdout == fromFolder.stdout)
        // Without --save, nothing was added to the store.
        let store2 = try SQLiteStore.open(store, access: .read)
        #expect(try store2.gradeRuns(round: "2017").isEmpty)
    }

    /// A failed import names every problem with file:line:column, writes nothing, and creates no store.
    @Test func failedImportChangesNothing() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("s.sqlite").path
        let bad = folder.appendingPathComponent("bad")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: storeFixtureRound("2016")), to: bad)
        try "facility_id,code,description,found_on\nUG001,UG-99,?,2016-13-01\n".write(to: bad.appendingPathComponent("hazards.csv"), atomically: true, encoding: .utf8)
        try "year,accidents,deaths\n2016,many,3\n".write(to: bad.appendingPathComponent("accidents.csv"), atomically: true, encoding: .utf8)
        let refusedNew = try db(["db", "import", "--data", bad.path, "--round", "x", "--models", modelsFolder], store: store)
        #expect(refusedNew.status == 65)
        #expect(refusedNew.stderr.contains("hazards.csv:2:2: code \"UG-99\" is not a veto of the underground_mine model"))
        #expect(refusedNew.stderr.contains("accidents.csv:2:2: accidents: expected a whole number ≥ 0, found \"many\""))
        #expect(!FileManager.default.fileExists(atPath: store))

        try importRound(storeFixtureRound("2016"), round: "2016", store: store)
        let before = try db(["db", "rounds", "--format", "json"], store: store).stdout
        let refused = try db(["db", "import", "--data", bad.path, "--round", "2016", "--replace", "--models", modelsFolder], store: store)
        #expect(refused.status == 65)
        #expect(try db(["db", "rounds", "--format", "json"], store: store).stdout == before)
    }

    /// Files that are not a store are refused with exit 65 and left byte for byte as they were.
    @Test func foreignFilesAreRefusedUntouched() throws {
        let folder = try temporaryFolder()
        let text = try write("id,name\n1,a\n", to: "notes.sqlite", in: folder)
        let original = try Data(contentsOf: URL(fileURLWithPath: text))
        for arguments in [["db", "rounds"], ["db", "import", "--data", storeFixtureRound("2016"), "--round", "2016", "--models", modelsFolder],
                          ["grade", "--round", "2016", "--save", "--models", modelsFolder]] {
            let result = try db(arguments, store: text)
            #expect(result.status == 65)
            #expect(result.stderr.contains("notes.sqlite: is not a SQLite database"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == original)
    }

    /// A database made by the sqlite3 shell: a real SQLite file of another application.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func otherApplicationsDatabaseIsRefusedUntouched() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("other.db").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [path, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts VALUES (1, 'x');"]
        try shell.run()
        shell.waitUntilExit()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try db(["db", "import", "--data", storeFixtureRound("2016"), "--round", "2016", "--models", modelsFolder], store: path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("is a SQLite database of another application"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    /// Four imports started at once into a store that does not exist yet: one creates it, the others wait
    /// their turn, and every round is stored.
    @Test func concurrentImportsIntoANewStore() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("shared.sqlite").path
        let children = try ["a", "b", "c", "d"].map { round in
            try ChildProcess(arguments: ["db", "import", "--data", storeFixtureRound("2016"), "--round", round, "--db", store, "--models", modelsFolder],
                             environment: [:], stderrFile: folder.appendingPathComponent("\(round).stderr"))
        }
        for child in children {
            child.process.waitUntilExit()
            #expect(child.process.terminationStatus == 0, "\(child.stderr)")
        }
        let opened = try SQLiteStore.open(store, access: .read)
        #expect(try opened.roundIDs() == ["a", "b", "c", "d"])
        #expect(try opened.integrityCheck() == ["ok"])
    }

    @Test func usageAndMissingInputs() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("s.sqlite").path
        #expect(try minerisk(["grade", "--save"]).status == 64)
        #expect(try minerisk(["grade", "--db", store]).status == 64)
        #expect(try db(["db", "import", "--round", "../x"], store: store).status == 64)
        let missing = try db(["db", "rounds"], store: store)
        #expect(missing.status == 66 && missing.stderr.contains("no such store"))
        #expect(!FileManager.default.fileExists(atPath: store))
        try importRound(storeFixtureRound("2016"), round: "2016", store: store)
        let noRound = try db(["grade", "--round", "2015", "--models", modelsFolder], store: store)
        #expect(noRound.status == 66 && noRound.stderr.contains("round 2015 is not in the store; its rounds are 2016"))
        let notGraded = try db(["db", "diff", "2016", "2016"], store: store)
        #expect(notGraded.status == 66 && notGraded.stderr.contains("grade it first: minerisk grade --db"))
        let skip = try db(["grade", "--round", "2016", "--skip-invalid", "--models", modelsFolder], store: store)
        #expect(skip.status == 64)
    }
}
