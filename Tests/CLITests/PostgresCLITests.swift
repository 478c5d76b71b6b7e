import Foundation
import MineRisk
import Testing

/// The shared store on a real PostgreSQL server (`MINERISK_TEST_PG`, which `scripts/test` starts): county users
/// refused by the server outside their counties, ten county imports beside two graders, two users changing one
/// hazard, a connection dropped during an import, and the server stopped hard during one.
@Suite(.serialized, .enabled(if: PostgresServer.baseURL != nil, "MINERISK_TEST_PG names no server"))
struct PostgresCLITests {
    /// The bundled round without its monitoring folder (the county work does not need a million readings).
    static func liangshanWithoutMonitoring() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("liangshan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seeds = repositoryRoot.appendingPathComponent("seeds/liangshan-2017")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".csv") || name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// The counties of a facilities.csv with their facility counts, most first.
    static func counties(_ folder: URL) throws -> [(county: String, facilities: Int)] {
        let lines = try String(contentsOf: folder.appendingPathComponent("facilities.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = try require(header.firstIndex(of: "county"), "county column")
        var counts: [String: Int] = [:]
        for line in lines.dropFirst() { counts[String(line.split(separator: ",", omittingEmptySubsequences: false)[column]), default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.facilities, $1.county) > ($1.facilities, $0.county) }
    }

    @Test func tenCountyImportsBesideTwoGradersLoseNothing() throws {
        let server = try PostgresServer.newDatabase()
        let data = try Self.liangshanWithoutMonitoring()
        let whole = try server.minerisk(["db", "import", "--data", data.path, "--round", "2017"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let counties = Array(try Self.counties(data).prefix(10))
        #expect(counties.count == 10)
        let folder = try temporaryFolder()
        var children: [ChildProcess] = []
        for (n, c) in counties.enumerated() {
            children.append(try ChildProcess(arguments: ["db", "import", "--data", data.path, "--round", "2017c", "--county", c.county, "--db", server.url],
                                             environment: server.environment, stderrFile: folder.appendingPathComponent("import-\(n).txt")))
        }
        for n in 0..<2 {
            children.append(try ChildProcess(arguments: ["grade", "--db", server.url, "--round", "2017", "--save", "--output", folder.appendingPathComponent("g\(n).csv").path],
                                             environment: server.environment, stderrFile: folder.appendingPathComponent("grade-\(n).txt")))
        }
        let deadline = Date().addingTimeInterval(600)
        for child in children {
            while child.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            #expect(!child.process.isRunning, "did not finish in time: \(child.process.arguments ?? [])")
            try child.kill()
            #expect(child.process.terminationStatus == 0, "\(child.process.arguments ?? []): \(child.stderr)")
        }
        let rounds = try server.minerisk(["db", "rounds", "--format", "json"])
        let list = try require((try JSONSerialization.jsonObject(with: Data(rounds.stdout.utf8))) as? [[String: Any]], "rounds JSON")
        let part = try require(list.first { $0["id"] as? String == "2017c" }, "round 2017c")
        #expect(part["facilities"] as? Int == counties.map(\.facilities).reduce(0, +))
        #expect(list.first { $0["id"] as? String == "2017" }?["gradeRuns"] as? Int == 2)
        // The counties' round grades as the same facilities of the folder do.
        let stored = try server.minerisk(["grade", "--db", server.url, "--round", "2017c", "--format", "csv"])
        let direct = try minerisk(["grade", "--data", data.path, "--format", "csv"])
        #expect(stored.status == 0 && direct.status == 0, "\(stored.stderr)\(direct.stderr)")
        let ids = Set(counties.map(\.county))
        let countyColumn = 3  // 县市 County
        #expect(direct.stdout.split(separator: "\n")[0].split(separator: ",")[countyColumn].hasSuffix("County"))
        let expected = direct.stdout.split(separator: "\n").dropFirst().filter { ids.contains(String($0.split(separator: ",", omittingEmptySubsequences: false)[countyColumn])) }
        #expect(Set(stored.stdout.split(separator: "\n").dropFirst()) == Set(expected))
    }

    @Test func aCountyUserIsRefusedByTheServerOutsideItsCounty() throws {
        let server = try PostgresServer.newDatabase()
        let data = try Self.liangshanWithoutMonitoring()
        let counties = try Self.counties(data)
        let (mine, theirs) = (counties[0].county, counties[1].county)
        let user = "county_\(UUID().uuidString.prefix(8).lowercased())"
        #expect(try server.minerisk(["db", "import", "--data", data.path, "--round", "2016"]).status == 0)
        let added = try server.minerisk(["db", "users", "add", user, "--role", "county", "--county", mine, "--password-env", "NEW_PASSWORD"],
                                        environment: ["NEW_PASSWORD": "pw-\(user)"])
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try server.minerisk(["db", "users", "list", "--format", "json"])
        #expect(listed.stdout.contains(user) && listed.stdout.contains(mine), "\(listed.stdout)")
        let county = server.as(user, password: "pw-\(user)")

        let own = try county.minerisk(["db", "import", "--data", data.path, "--round", "2017", "--county", mine])
        #expect(own.status == 0, "\(own.stderr)")
        let other = try county.minerisk(["db", "import", "--data", data.path, "--round", "2017", "--county", theirs])
        #expect(other.status == 77, "\(other.stdout)\(other.stderr)")
        #expect(other.stderr.contains("refused by the server"), "\(other.stderr)")
        let whole = try county.minerisk(["db", "import", "--data", data.path, "--round", "2016", "--replace"])
        #expect(whole.status == 77, "\(whole.stderr)")

        // Past the CLI, straight to the server: another county's rows cannot be changed or added.
        let update = try county.psql("UPDATE facilities SET name = 'x' WHERE county = '\(theirs)' AND round_id = '2016'")
        #expect(update.stdout.contains("UPDATE 0"), "\(update.stdout)\(update.stderr)")
        let insert = try county.psql("INSERT INTO facilities (round_id, id, position, name, kind, county, standardized, status, idle_months) VALUES ('2016', 'ZZ1', 99999, 'x', 'coal_mine', '\(theirs)', true, 'operating', 0)")
        #expect(insert.status != 0 && insert.stderr.contains("row-level security"), "\(insert.stderr)")
        let own2 = try county.psql("UPDATE facilities SET name = name WHERE county = '\(mine)' AND round_id = '2016'")
        #expect(own2.status == 0 && !own2.stdout.contains("UPDATE 0"), "\(own2.stdout)\(own2.stderr)")
        let hazards = try county.psql("DELETE FROM hazard_register WHERE round_id = '2016' AND facility_id IN (SELECT id FROM facilities WHERE county = '\(theirs)')")
        #expect(hazards.stdout.contains("DELETE 0"), "\(hazards.stdout)\(hazards.stderr)")
        // The user still reads everything.
        let read = try county.minerisk(["db", "rounds", "--format", "json"])
        #expect(read.status == 0 && read.stdout.contains("\"2016\""), "\(read.stderr)")
        #expect(try server.minerisk(["db", "users", "remove", user]).status == 0)
    }

    @Test func theSecondOfTwoUsersChangingOneHazardGetsAConflict() throws {
        let server = try PostgresServer.newDatabase()
        #expect(try server.minerisk(["db", "import", "--data", storeFixtureRound("2017"), "--round", "2017", "--models", modelsFolder]).status == 0)
        let listed = try server.minerisk(["hazards", "list", "--db", server.url, "--round", "2017", "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let id = try require(listed.json["hazards"].flatMap { ($0 as? [[String: Any]])?.first?["id"] as? String }, "a hazard id in \(listed.stdout)")
        let first = try server.minerisk(["hazards", "update", id, "--db", server.url, "--round", "2017", "--by", "甲", "--expect-version", "1", "--status", "rectifying"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try server.minerisk(["hazards", "update", id, "--db", server.url, "--round", "2017", "--by", "乙", "--expect-version", "1", "--deadline", "2017-12-31"])
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.contains("conflict: the change was made on version 1, but hazard \(id) is now at version 2"), "\(second.stderr)")
    }

    /// The server drops the importing connection while the import is paused inside its transaction: the import
    /// runs again from the start and stores the whole round, once.
    @Test func aDroppedConnectionIsRetriedNotHalfApplied() throws {
        let server = try PostgresServer.newDatabase()
        let folder = try temporaryFolder()
        let child = try ChildProcess(arguments: ["db", "import", "--data", storeFixtureRound("2016"), "--round", "2016", "--models", modelsFolder, "--db", server.url],
                                     environment: server.environment.merging(["MINERISK_TEST_IMPORT_PAUSE": "2"]) { $1 },
                                     stderrFile: folder.appendingPathComponent("import.txt"))
        try child.waitForStderr(containing: "paused inside the import transaction", timeout: 120)
        let killed = try server.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        #expect(killed.status == 0 && killed.stdout.contains("1"), "\(killed.stdout)\(killed.stderr)")
        while child.process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        #expect(child.process.terminationStatus == 0, "\(child.stderr)")
        let rounds = try server.minerisk(["db", "rounds", "--format", "json"])
        #expect(rounds.stdout.contains("\"assessments\" : 372") || rounds.stdout.contains("\"assessments\":372"), "\(rounds.stdout)")
        #expect(child.stderr.components(separatedBy: "paused inside").count - 1 == 2, "the import ran twice: \(child.stderr)")
    }

    /// `pg_ctl stop -m immediate` while an import is inside its transaction: the import fails as unavailable (69) and,
    /// once the server is up again, the store holds exactly what it held before.
    @Test func aHardStopDuringAnImportLeavesThePreviousState() throws {
        let cluster = try PostgresServer.ownCluster()
        defer { cluster.remove() }
        #expect(try cluster.minerisk(["db", "import", "--data", storeFixtureRound("2017"), "--round", "2017", "--models", modelsFolder]).status == 0)
        let before = try cluster.minerisk(["db", "rounds", "--format", "json"])
        let folder = try temporaryFolder()
        let child = try ChildProcess(arguments: ["db", "import", "--data", storeFixtureRound("2016"), "--round", "2017", "--replace", "--models", modelsFolder, "--db", cluster.url],
                                     environment: cluster.environment.merging(["MINERISK_TEST_IMPORT_PAUSE": "3"]) { $1 },
                                     stderrFile: folder.appendingPathComponent("import.txt"))
        try child.waitForStderr(containing: "paused inside the import transaction", timeout: 120)
        try cluster.control("stop", "immediate")
        while child.process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        #expect(child.process.terminationStatus == 69, "\(child.stderr)")
        #expect(child.stderr.contains("cannot be reached") || child.stderr.contains("dropped the connection"), "\(child.stderr)")
        try cluster.control("start")
        let after = try cluster.minerisk(["db", "rounds", "--format", "json"])
        #expect(after.status == 0 && after.stdout == before.stdout, "\(after.stdout)\(after.stderr)")
        let exported = try cluster.minerisk(["db", "export", "--round", "2017", "--output", folder.appendingPathComponent("out").path])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/assessments.csv"))
                == Data(contentsOf: URL(fileURLWithPath: storeFixtureRound("2017")).appendingPathComponent("assessments.csv")))
    }
}

/// A database on the test server, and how to reach it as its owner or as another user.
struct PostgresServer {
    let url: String
    let password: String
    var clusterFolder: String?

    /// The server the tests use: `MINERISK_TEST_PG` (its password in PGPASSWORD).
    static var baseURL: String? { ProcessInfo.processInfo.environment["MINERISK_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 } }

    var environment: [String: String] { ["PGPASSWORD": password, "MINERISK_DB": ""] }

    /// A new database of the test server's, owned by its user.
    static func newDatabase() throws -> PostgresServer {
        let base = try require(baseURL, "MINERISK_TEST_PG")
        let server = PostgresServer(url: base, password: ProcessInfo.processInfo.environment["PGPASSWORD"] ?? "")
        let name = "minerisk_cli_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        let made = try server.psql("CREATE DATABASE \(name)")
        guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "CREATE DATABASE: \(made.stderr)"]) }
        var components = try require(URLComponents(string: base), "URL")
        components.path = "/\(name)"
        return PostgresServer(url: components.string!, password: server.password)
    }

    /// A cluster of the test's own, on another port, which the test may stop and start (`scripts/pg_cluster`).
    /// The port is below Linux's ephemeral range (32768–60999), where no client socket of the other tests can hold it;
    /// a port some other program listens on is tried again with another one.
    static func ownCluster() throws -> PostgresServer {
        var attempts = 0
        while true {
            attempts += 1
            let folder = try temporaryFolder().appendingPathComponent("pg").path
            let port = 26000 + Int.random(in: 0..<1000)
            let started = try run(repositoryRoot.appendingPathComponent("scripts/pg_cluster").path, ["start", folder, String(port)])
            if started.status != 0, started.stderr.contains("Address already in use"), attempts < 5 {
                _ = try? run(repositoryRoot.appendingPathComponent("scripts/pg_cluster").path, ["remove", folder])
                continue
            }
            guard started.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "pg_cluster start: \(started.stderr)"]) }
            let password = try String(contentsOfFile: "\(folder)/password", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            return PostgresServer(url: started.stdout.trimmingCharacters(in: .whitespacesAndNewlines), password: password, clusterFolder: folder)
        }
    }

    /// The same database as another user.
    func `as`(_ user: String, password: String) -> PostgresServer {
        var components = URLComponents(string: url)!
        components.user = user
        return PostgresServer(url: components.string!, password: password)
    }

    /// Runs minerisk against this database (`--db` through MINERISK_DB, so that every command gets it).
    func minerisk(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CLIResult {
        try CLITests.minerisk(arguments, environment: environment.merging(["MINERISK_DB": url]) { $1 }.merging(extra) { $1 })
    }

    /// Runs one SQL statement with psql as this database's user.
    func psql(_ sql: String) throws -> CLIResult {
        try Self.run("/usr/bin/psql", [url, "-X", "-v", "ON_ERROR_STOP=1", "-c", sql], environment: ["PGPASSWORD": password])
    }

    /// `scripts/pg_cluster COMMAND FOLDER [MODE]` for the test's own cluster.
    func control(_ command: String, _ mode: String? = nil) throws {
        let folder = try require(clusterFolder, "own cluster")
        let result = try Self.run(repositoryRoot.appendingPathComponent("scripts/pg_cluster").path, [command, folder] + (mode.map { [$0] } ?? []))
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "pg_cluster \(command): \(result.stderr)"]) }
    }

    func remove() {
        if let clusterFolder { _ = try? Self.run(repositoryRoot.appendingPathComponent("scripts/pg_cluster").path, ["remove", clusterFolder]) }
    }

    /// Runs a program and waits for it with waitpid, its output read from files. (Foundation's Process lost track of
    /// `pg_cluster start`, whose server outlives it, and waited for ever.)
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("out").path, err = folder.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, env)
        guard spawned == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(program): \(String(cString: strerror(spawned)))"]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return CLIResult(status: code, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
