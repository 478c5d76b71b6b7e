import Foundation
import Testing
@testable import MineRisk

@Suite struct MonitoringSynthTests {
    /// The bundled Liangshan readings are what the generator writes: regenerating gives the same text (SHA-256 of
    /// the uncompressed lines, so a different zlib cannot matter) and the same points and thresholds.
    @Test func liangshanIsDeterministicAndCommitted() throws {
        let folder = try temporaryFolder()
        let seed = repositoryRoot.appendingPathComponent("seeds/liangshan-2017")
        let summary = try MonitoringSynthesizer.writeLiangshan(directory: seed.path, models: MonitoringFixture.models, output: folder.path)
        for name in ["points.csv", "thresholds.yaml"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: seed.appendingPathComponent("monitoring").appendingPathComponent(name)), "\(name)")
        }
        let committed = seed.appendingPathComponent("monitoring/readings.csv.gz").path
        let stream = try ByteStream(path: committed)
        var digest = PendingDigestStream()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { break }
            digest.update(Array(buffer[0..<count]))
        }
        #expect(digest.finish() == summary.readingsSHA256)
        _ = digest
        // A second run, same bytes.
        let again = try MonitoringSynthesizer.writeLiangshan(directory: seed.path, models: MonitoringFixture.models, output: try temporaryFolder().path, gzip: false)
        #expect(again.readingsSHA256 == summary.readingsSHA256)
    }

    /// The flood season's planned events: the rainstorm of 20 July takes one pond to red and one to orange;
    /// by the season's end a stuck and an offline sensor are findings.
    @Test func liangshanSeasonEvents() throws {
        let data = try MonitoringData.load(directory: repositoryRoot.appendingPathComponent("seeds/liangshan-2017").path, models: MonitoringFixture.models)
        let storm = try WarningEngine(data: data, until: ISOTime.parse("2017-07-20T16:30:00+08:00")).run()
        #expect(storm.ponds.filter { $0.level == .red }.count == 1)
        #expect(storm.ponds.filter { $0.level == .orange }.count == 1)
        let season = try WarningEngine(data: data).run()
        #expect(season.asOf == "2017-09-30T23:50:00+08:00")
        let statuses = season.ponds.flatMap(\.items).flatMap(\.points).map(\.status)
        #expect(statuses.filter { $0 == "stuck" }.count == 1)
        #expect(statuses.filter { $0 == "offline" }.count == 1)
        #expect(season.warnings.contains { $0.item == .rainfall && $0.level == .red && $0.start.hasPrefix("2017-07-20") })
        #expect(season.warnings.contains { $0.item == .rainfall && $0.level == .orange && $0.start.hasPrefix("2017-07-20") })
    }
}
