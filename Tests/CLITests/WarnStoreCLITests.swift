import Foundation
import Testing

/// The bundled round's monitoring through the store: imported with the round, a warning run saved during the
/// 20 July rainstorm, read back with `db warnings`, and the files exported byte for byte.
@Suite struct WarnStoreCLITests {
    static let seed = repositoryRoot.appendingPathComponent("seeds/liangshan-2017").path
    static let storm = "2017-07-20T16:30:00+08:00"

    @Test func importSaveReadBackAndExport() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("warn.sqlite").path
        let imported = try importRound(Self.seed, round: "2017", store: store)
        #expect(imported.stdout.contains("monitoring: 108 points, 1018596 readings"), "\(imported.stdout)")
        #expect(imported.stdout.contains("monitoring/readings.csv.gz"))

        let saved = try db(["warn", "--save", "--at", Self.storm, "--format", "json"], store: store)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stderr.contains("saved warning run 1 of round 2017"))

        let table = try db(["db", "warnings"], store: store)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Warning run 1 of round 2017: as of \(Self.storm)"))
        #expect(table.stdout.contains("Ponds by level: red 1, orange 1"))

        let json = try db(["db", "warnings", "TP005", "--format", "json"], store: store).json
        let levels = try #require(json["levels"] as? [[String: Any]])
        #expect(levels.first?["scope"] as? String == "pond" && levels.first?["level"] as? String == "red")
        #expect(levels.allSatisfy { $0["pond"] as? String == "TP005" })
        let rain = try #require(levels.first { $0["point"] as? String == "P-TP005-10" })
        #expect(rain["level"] as? String == "red" && rain["threshold"] as? Double == 100)
        let log = try #require(json["warnings"] as? [[String: Any]])
        #expect(log.contains { $0["item"] as? String == "rainfall" && $0["level"] as? String == "red" && $0["end"] is NSNull })
        let run = try #require(json["run"] as? [String: Any])
        let provenance = try #require(run["provenance"] as? [String: Any])
        #expect(provenance["to"] as? String == Self.storm && (provenance["thresholdsSHA256"] as? String)?.count == 64)

        let csv = try db(["db", "warnings", "--run", "1", "--round", "2017", "--format", "csv"], store: store)
        #expect(csv.stdout.hasPrefix("\u{FEFF}record,run,round,as_of,scope,pond,item,point,level"))
        #expect(csv.stdout.contains("warning,1,2017,\(Self.storm),item,TP005,rainfall,P-TP005-10,red"))

        // The stored readings give the levels and the log the files give.
        let fromFiles = saved.json
        let fromStore = try db(["warn", "--round", "2017", "--at", Self.storm, "--format", "json"], store: store)
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        func pointLevels(_ report: [String: Any]) -> [String] {
            ((report["ponds"] as? [[String: Any]]) ?? []).flatMap { pond in
                ((pond["items"] as? [[String: Any]]) ?? []).flatMap { item in
                    ((item["points"] as? [[String: Any]]) ?? []).map { "\(pond["id"]!) \(item["item"]!) \($0["id"]!) \($0["level"]!) \($0["value"] ?? "")" }
                }
            }
        }
        #expect(pointLevels(fromStore.json) == pointLevels(fromFiles) && !pointLevels(fromFiles).isEmpty)
        #expect(NSDictionary(dictionary: fromStore.json["summary"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: fromFiles["summary"] as? [String: Any] ?? [:]))
        #expect((fromStore.json["warnings"] as? [[String: Any]])?.map { "\($0["pond"]!) \($0["item"]!) \($0["start"]!) \($0["level"]!)" }
                == (fromFiles["warnings"] as? [[String: Any]])?.map { "\($0["pond"]!) \($0["item"]!) \($0["start"]!) \($0["level"]!)" })
        #expect((fromStore.json["hiddenDangerWarnings"] as? [[String: Any]])?.count == (fromFiles["hiddenDangerWarnings"] as? [[String: Any]])?.count)

        // The report of the stored round draws its warnings from the stored readings.
        let html = folder.appendingPathComponent("report.html")
        let report = try db(["report", "--round", "2017", "--output", html.path], store: store)
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("尾矿库在线监测预警") && page.contains("TP005 会理县莫木山尾矿库") && page.contains("TP006"))

        let rounds = try db(["db", "rounds", "--format", "json"], store: store)
        #expect(rounds.stdout.contains("\"warningRuns\" : 1"))

        let out = folder.appendingPathComponent("exported").path
        #expect(try db(["db", "export", "--round", "2017", "--output", out], store: store).status == 0)
        for name in ["points.csv", "thresholds.yaml", "readings.csv.gz"] {
            let original = try Data(contentsOf: URL(fileURLWithPath: "\(Self.seed)/monitoring/\(name)"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/monitoring/\(name)")) == original, "\(name) differs")
        }
    }

    /// --save to a store without the round is refused before any work (66); --db without --save is a usage error (64);
    /// `db warnings` on a store without runs says how to save one.
    @Test func refusals() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("empty.sqlite").path
        try importRound(storeFixtureRound("2017"), round: "2017", store: store)
        let missing = try db(["warn", "--save", "--round", "2018"], store: store)
        #expect(missing.status == 66 && missing.stderr.contains("round 2018 is not in the store"), "\(missing.stderr)")
        let usage = try minerisk(["warn", "--db", store])
        #expect(usage.status == 64)
        let unmonitored = try db(["warn", "--round", "2017"], store: store)
        #expect(unmonitored.status == 66 && unmonitored.stderr.contains("round 2017 has no monitoring"), "\(unmonitored.stderr)")
        let none = try db(["db", "warnings"], store: store)
        #expect(none.status == 66 && none.stderr.contains("no saved warning run; save one with minerisk warn --save"), "\(none.stderr)")
    }
}
