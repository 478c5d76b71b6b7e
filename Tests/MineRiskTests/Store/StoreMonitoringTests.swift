import Foundation
import GRDB
import Testing
@testable import MineRisk

/// The ponds' monitoring in the store, kept in three parts apart (GB 51108-2015 §8.2): raw readings imported with
/// their round, warning runs' levels, and the warning log — on a real SQLite file.
@Suite struct StoreMonitoringTests {
    /// The store fixture's 2017 round with a monitoring folder for TP001: a rain gauge through a rainstorm (126 mm in
    /// 3 h: red, CMA rainstorm signal) and a phreatic sensor with one bad reading.
    static func monitoredRound(readings extra: [String] = [], gzip: Bool = true) throws -> URL {
        let folder = try copyOfFixture("2017")
        let monitoring = folder.appendingPathComponent("monitoring")
        try FileManager.default.createDirectory(at: monitoring, withIntermediateDirectories: true)
        try """
            point_id,facility_id,item,unit,location,installed_on,interval_minutes
            R1,TP001,rainfall,mm,gauge,2016-01-01,10
            PH1,TP001,phreatic_depth,m,section 1,2016-01-01,10

            """.write(to: monitoring.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        try (MonitoringFixture.thresholdsHeader + """
            ponds:
              - facility: TP001
                valid: {from: 2017-06-01, to: 2017-09-30}
                items:
                  phreatic_depth: {worse: lower, blue: 8.0, yellow: 7.2, orange: 6.6, red: 6.0}
                  rainfall: {signals: rainstorm}

            """).write(to: monitoring.appendingPathComponent("thresholds.yaml"), atomically: true, encoding: .utf8)
        let rain = MonitoringFixture.series("R1", Array(repeating: 0, count: 6) + Array(repeating: 7, count: 18) + Array(repeating: 0, count: 12))
        var phreatic = MonitoringFixture.series("PH1", Array(repeating: 9.5, count: 36))
        phreatic[10] = phreatic[10].replacingOccurrences(of: ",good", with: ",bad")
        let text = "point_id,time,value,quality\n" + zip(rain, phreatic).map { "\($0)\n\($1)\n" }.joined() + extra.map { $0 + "\n" }.joined()
        let plain = monitoring.appendingPathComponent("readings.csv")
        try text.write(to: plain, atomically: true, encoding: .utf8)
        if gzip {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-n", plain.path]
            try process.run()
            process.waitUntilExit()
        }
        return folder
    }

    static func importMonitored(_ folder: URL, into store: any MonitoringStore, replace: Bool = false) throws -> ImportSummary {
        let models = try repositoryModels()
        let data = try RoundLoader.load(directory: folder.path, models: models)
        let monitoring = try #require(try RoundMonitoring.load(directory: folder.path, models: models))
        return try store.importRound(data, monitoring: monitoring, id: "2017", source: folder.path, replace: replace, checkpoint: nil)
    }

    static func emptyStore(_ backend: TestBackend) throws -> any HazardRegisterStore & MonitoringStore {
        try backend.emptyStore()
    }

    @Test(arguments: TestBackend.all) func readingsGoToTheirOwnTableAndExportByteForByte(backend: TestBackend) throws {
        let folder = try Self.monitoredRound()
        let store = try Self.emptyStore(backend)
        let summary = try Self.importMonitored(folder, into: store)
        #expect(summary.monitoringPoints == 2 && summary.readings == 72)
        #expect(summary.files.suffix(3) == ["monitoring/points.csv", "monitoring/thresholds.yaml", "monitoring/readings.csv.gz"])
        #expect(try store.monitoringCounts(round: "2017") == (2, 72))
        #expect(try appliedMigrations(store).contains("v4-monitoring"))
        // The raw table keeps each reading as read: the 11th phreatic reading is flagged bad (2), its value kept.
        let bad = try sqlNumber(store, "SELECT CAST(count(*) AS DOUBLE PRECISION) FROM monitoring_readings WHERE quality = 2")
        let rain = try sqlNumber(store, "SELECT sum(value) FROM monitoring_readings r JOIN monitoring_points p USING (series) WHERE p.id = 'R1'")
        #expect(bad == 1 && rain == 126)
        let out = try temporaryFolder().appendingPathComponent("exported").path
        let exported = try store.exportRound("2017", to: out)
        for name in ["monitoring/points.csv", "monitoring/thresholds.yaml", "monitoring/readings.csv.gz"] {
            #expect(exported.contains { $0.name == name })
            #expect(try bytes("\(out)/\(name)") == bytes(folder.appendingPathComponent(name).path), "\(name) is not exported byte for byte")
        }
        if let sqlite = store as? SQLiteStore { #expect(try sqlite.integrityCheck() == ["ok"]) }
    }

    /// A reading running backwards is refused with file, line and column, and the whole import rolls back.
    @Test(arguments: TestBackend.all) func aBadReadingRollsTheImportBack(backend: TestBackend) throws {
        let folder = try Self.monitoredRound(readings: ["R1,2017-07-01T01:00:00+08:00,1.0,good"], gzip: false)
        let store = try Self.emptyStore(backend)
        let error = mineRiskError { _ = try Self.importMonitored(folder, into: store) }
        #expect(error?.exitStatus == .dataError)
        #expect(error?.description.contains("readings.csv:74:2: time runs backwards for R1") == true, "\(String(describing: error))")
        #expect(try store.rounds().isEmpty)
        #expect(try sqlNumber(store, "SELECT CAST(count(*) AS DOUBLE PRECISION) FROM monitoring_readings") == 0)
    }

    @Test(arguments: TestBackend.all) func warningRunsAreSavedAndReadBack(backend: TestBackend) throws {
        let folder = try Self.monitoredRound()
        let store = try Self.emptyStore(backend)
        _ = try Self.importMonitored(folder, into: store)
        let data = try MonitoringData.load(directory: folder.path, models: try repositoryModels())
        let report = try WarningEngine(data: data).run()
        let thresholds = folder.appendingPathComponent("monitoring/thresholds.yaml").path
        let provenance = WarningRunProvenance(from: nil, to: nil, source: folder.path, thresholdsFile: thresholds,
                                              thresholdsSHA256: sha256Hex(try bytes(thresholds)))
        let first = try store.saveWarningRun(report, round: "2017", provenance: provenance)
        let second = try store.saveWarningRun(report, round: "2017", provenance: provenance)
        #expect(second > first)
        #expect(try store.warningRuns(round: "2017").map(\.id) == [first, second])
        let saved = try store.warningRun(round: nil, run: nil, facility: nil)
        #expect(saved.run.id == second && saved.run.asOf == report.asOf && saved.run.provenance == provenance)
        #expect(saved.run.readings == 72 && saved.run.persistence == 2 && saved.run.engine == engineVersion)
        let pond = try #require(saved.levels.first)
        #expect(pond.scope == .pond && pond.pond == "TP001" && pond.level == report.ponds[0].level && pond.pondClass == report.ponds[0].pondClass)
        #expect(saved.levels.filter { $0.scope == .point }.map(\.point) == ["R1", "PH1"])
        let rainfall = try #require(saved.levels.first { $0.scope == .item && $0.item == "rainfall" })
        // As of the last reading the 3 h sum is back to 0 while 126 mm still lie within 6 h: yellow (≥ 50 mm in 6 h).
        #expect(rainfall.level == .yellow)
        #expect(saved.warnings.count == report.warnings.count && !saved.warnings.isEmpty)
        let logged = try #require(saved.warnings.first { $0.item == .rainfall })
        let computed = try #require(report.warnings.first { $0.item == .rainfall })
        #expect((logged.start, logged.peak, logged.end, logged.level, logged.peakPoint) == (computed.start, computed.peak, computed.end, .red, "R1"))
        #expect(try store.warningRun(round: "2017", run: first, facility: "TP001").run.id == first)
        let unknown = mineRiskError { _ = try store.warningRun(round: "2017", run: nil, facility: "TP009") }
        #expect(unknown?.description.contains("pond TP009 is not in warning run \(second) of round 2017; did you mean TP001?") == true)
        #expect(try store.rounds()[0].warningRuns == 2)
        // Replacing the round drops the runs made from its old readings, and its readings with it.
        _ = try Self.importMonitored(folder, into: store, replace: true)
        #expect(try store.warningRuns(round: "2017").isEmpty)
        #expect(try store.monitoringCounts(round: "2017") == (2, 72))
    }

    /// A run whose ponds are not the round's is refused, and nothing is saved.
    @Test(arguments: TestBackend.all) func aRunOfOtherPondsIsRefused(backend: TestBackend) throws {
        let store = try storeWithRounds(["2017"], models: try repositoryModels(), backend: backend)
        let fixture = try MonitoringFixture(points: ["R1,TP1,rainfall,mm,gauge,2016-01-01,10"], readings: MonitoringFixture.series("R1", [0, 1]))
        let report = try fixture.report()
        let error = mineRiskError {
            _ = try store.saveWarningRun(report, round: "2017", provenance: WarningRunProvenance(
                from: nil, to: nil, source: fixture.path, thresholdsFile: "t", thresholdsSHA256: String(repeating: "0", count: 64)))
        }
        #expect(error?.description.contains("TP1, TP3 are not tailings ponds of the round") == true, "\(String(describing: error))")
        #expect(try store.warningRuns(round: "2017").isEmpty)
    }
}
