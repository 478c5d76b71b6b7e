import Foundation
import Testing

@Suite struct WarnCLITests {
    /// `minerisk warn` on the bundled data, as of the rainstorm: one pond red, one orange, in JSON as the issue lays out.
    @Test func jsonDuringTheStorm() throws {
        let result = try minerisk(["warn", "--at", "2017-07-20T16:30:00+08:00", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = result.json
        #expect(report["asOf"] as? String == "2017-07-20T16:30:00+08:00")
        let summary = try #require(report["summary"] as? [String: Any])
        let byLevel = try #require(summary["byLevel"] as? [String: Int])
        #expect(byLevel["red"] == 1 && byLevel["orange"] == 1)
        let ponds = try #require(report["ponds"] as? [[String: Any]])
        let red = try #require(ponds.first { $0["level"] as? String == "red" })
        let items = try #require(red["items"] as? [[String: Any]])
        #expect(items.contains { $0["item"] as? String == "rainfall" && $0["level"] as? String == "red" })
        #expect(report["warnings"] as? [[String: Any]] != nil)
    }

    /// An overdue major hidden danger of the register is a red warning in `warn` (DOMAIN §10): the bundled
    /// register's UG-17 on UG007 has its deadline 2017-05-14, so it is overdue on the 15th and not on the 14th.
    @Test func overdueMajorHiddenDangersAreRedWarnings() throws {
        func warnings(at time: String) throws -> [[String: Any]] {
            let result = try minerisk(["warn", "--at", time, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(result.json["hiddenDangerWarnings"] as? [[String: Any]])
        }
        let before = try warnings(at: "2017-05-14T23:00:00+08:00")
        #expect(!before.contains { $0["facility"] as? String == "UG007" })
        let after = try warnings(at: "2017-06-01T08:00:00+08:00")
        let ug007 = try #require(after.first { $0["facility"] as? String == "UG007" })
        #expect(ug007["level"] as? String == "red" && ug007["code"] as? String == "UG-17" && ug007["since"] as? String == "2017-05-14")
        let table = try minerisk(["warn", "--at", "2017-06-01T08:00:00+08:00"])
        #expect(table.stdout.contains("Hidden-danger warnings") && table.stdout.contains("UG-17"))
    }

    /// Grades follow warnings (Models/warning-grades.yaml, the bureau's choice): during the storm TP005 is red and
    /// grades major, TP006 orange and grades at least significant, both `gradedBy: "warning"`; without --warnings
    /// the grades are the assessment's.
    @Test func gradesFollowWarnings() throws {
        func grades(_ extra: [String]) throws -> [String: [String: Any]] {
            let result = try minerisk(["grade", "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let facilities = try #require(result.json["facilities"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: facilities.map { ($0["id"] as! String, $0) })
        }
        let plain = try grades([])
        let warned = try grades(["--warnings", "--warnings-at", "2017-07-20T16:30:00+08:00"])
        #expect(warned["TP005"]?["grade"] as? String == "major" && warned["TP005"]?["gradedBy"] as? String == "warning")
        let tp006 = try #require(warned["TP006"])
        #expect(["significant", "major"].contains(tp006["grade"] as? String))
        #expect(plain["TP006"]?["gradedBy"] as? String != "warning")
        #expect(plain["TP005"]?["gradedBy"] as? String != "warning")
        let refused = try minerisk(["grade", "--warnings-at", "2017-07-20T16:30:00+08:00"])
        #expect(refused.status == 64)
    }

    @Test func csvXlsxAndPeriod() throws {
        let folder = try temporaryFolder()
        let csv = folder.appendingPathComponent("levels.csv").path
        let result = try minerisk(["warn", "--from", "2017-07-01T00:00:00+08:00", "--to", "2017-07-31T23:59:00+08:00", "--output", csv])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("as_of,pond,".utf8)))
        let xlsx = try minerisk(["warn", "--output", folder.appendingPathComponent("w.xlsx").path])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let table = try minerisk(["warn"])
        #expect(table.stdout.contains("Findings (2)"))
    }

    /// Bad readings exit 65 with file:line:column; --skip-invalid writes the reject file.
    @Test func badInputExit65AndSkipInvalid() throws {
        let folder = try temporaryFolder()
        let monitoring = folder.appendingPathComponent("monitoring")
        try FileManager.default.createDirectory(at: monitoring, withIntermediateDirectories: true)
        try "id,name,kind,county,standardized,status,idle_months,storage_volume_10k_m3,dam_height_m,online_monitoring,slope_safety_factor,required_safety_factor,freeboard_ok,beach_length_ok,flood_discharge,capacity_tpa\nTP1,一号库,tailings_pond,西昌市,yes,operating,,2000,70,yes,,,yes,yes,normal,\n"
            .write(to: folder.appendingPathComponent("facilities.csv"), atomically: true, encoding: .utf8)
        try "point_id,facility_id,item,unit,location,installed_on,interval_minutes\nR1,TP1,rainfall,mm,gauge,2016-01-01,10\n"
            .write(to: monitoring.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        try "format: {kind: monitoring-thresholds, version: 1}\npersistence: 2\nponds: []\n".write(to: monitoring.appendingPathComponent("thresholds.yaml"), atomically: true, encoding: .utf8)
        try "point_id,time,value,quality\nR1,2017-07-01T00:00:00+08:00,1,good\nR1,2017-07-01T00:10:00+08:00,-2,good\n"
            .write(to: monitoring.appendingPathComponent("readings.csv"), atomically: true, encoding: .utf8)
        let refused = try minerisk(["warn", "--data", folder.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("readings.csv:3:3: value -2 mm is impossible for rainfall"), "\(refused.stderr)")
        let skipped = try minerisk(["warn", "--data", folder.path, "--skip-invalid", "--output", folder.appendingPathComponent("out.csv").path])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        let rejects = try String(contentsOfFile: folder.appendingPathComponent("out.rejects.csv").path, encoding: .utf8)
        #expect(rejects.contains("impossible for rainfall"))
        let usage = try minerisk(["warn", "--at", "yesterday"])
        #expect(usage.status == 64)
    }
}
