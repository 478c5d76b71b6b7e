import Foundation
@testable import MineRisk

/// A small monitoring folder written for one test: ponds, points, thresholds and readings as given.
struct MonitoringFixture {
    static let facilitiesHeader = "id,name,kind,county,standardized,status,idle_months,storage_volume_10k_m3,dam_height_m,online_monitoring,slope_safety_factor,required_safety_factor,freeboard_ok,beach_length_ok,flood_discharge,capacity_tpa\n"
    /// TP1 class 3 (V 2000, H 70), TP2 class 5 (V 50, H 20), TP3 class 3 without points.
    static let facilities = facilitiesHeader
        + "TP1,一号库,tailings_pond,西昌市,yes,operating,,2000,70,yes,,,yes,yes,normal,\n"
        + "TP2,二号库,tailings_pond,西昌市,yes,operating,,50,20,yes,,,yes,yes,normal,\n"
        + "TP3,三号库,tailings_pond,会理县,yes,operating,,3000,80,no,,,yes,yes,normal,\n"

    static let thresholdsHeader = "format: {kind: monitoring-thresholds, version: 1}\npersistence: 2\n"

    let folder: URL

    /// - Parameters:
    ///   - points: rows after the header `point_id,facility_id,item,unit,location,installed_on,interval_minutes`.
    ///   - thresholds: the YAML after `format` and `persistence: 2` (e.g. "ponds: […]"); nil: no ponds.
    ///   - readings: rows after the header `point_id,time,value,quality`.
    init(points: [String], thresholds: String? = nil, readings: [String], gzip: Bool = false, facilities: String = MonitoringFixture.facilities) throws {
        folder = try temporaryFolder()
        let monitoring = folder.appendingPathComponent("monitoring")
        try FileManager.default.createDirectory(at: monitoring, withIntermediateDirectories: true)
        try facilities.write(to: folder.appendingPathComponent("facilities.csv"), atomically: true, encoding: .utf8)
        try ("point_id,facility_id,item,unit,location,installed_on,interval_minutes\n" + points.map { $0 + "\n" }.joined())
            .write(to: monitoring.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        try (Self.thresholdsHeader + (thresholds ?? "ponds: []\n")).write(to: monitoring.appendingPathComponent("thresholds.yaml"), atomically: true, encoding: .utf8)
        let text = "point_id,time,value,quality\n" + readings.map { $0 + "\n" }.joined()
        if gzip {
            let plain = monitoring.appendingPathComponent("readings.csv")
            try text.write(to: plain, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-n", plain.path]
            try process.run()
            process.waitUntilExit()
        } else {
            try text.write(to: monitoring.appendingPathComponent("readings.csv"), atomically: true, encoding: .utf8)
        }
    }

    var path: String { folder.path }

    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)

    func data(skipInvalid: Bool = false) throws -> MonitoringData {
        try MonitoringData.load(directory: path, models: Self.models, skipInvalid: skipInvalid)
    }

    func report(at: String? = nil, skipInvalid: Bool = false) throws -> WarningReport {
        try WarningEngine(data: try data(skipInvalid: skipInvalid), until: at.flatMap { ISOTime.parse($0) }, skipInvalid: skipInvalid).run()
    }

    /// Readings of one point every `minutes` from 2017-07-01T00:00+08:00.
    static func series(_ point: String, _ values: [Double], minutes: Int = 10, start: String = "2017-07-01T00:00:00+08:00", quality: String = "good") -> [String] {
        let t0 = ISOTime.parse(start)!.seconds
        return values.enumerated().map { i, v in "\(point),\(ISOTime.format(t0 + Int64(i * minutes * 60), offsetMinutes: 480)),\(v),\(quality)" }
    }
}

extension WarningReport {
    func pond(_ id: String) -> PondWarning? { ponds.first { $0.id == id } }
    func point(_ id: String) -> PointWarning? { ponds.flatMap(\.items).flatMap(\.points).first { $0.id == id } }
}
