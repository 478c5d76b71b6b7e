import Foundation

/// A data folder's monitoring files: the ponds (facilities.csv), their sensors (monitoring/points.csv),
/// the thresholds (monitoring/thresholds.yaml) and where the readings are (readings.csv or .csv.gz).
public struct MonitoringData: Sendable {
    public var ponds: [MonitoredPond]
    public var points: [MonitoringPoint]
    public var thresholds: ThresholdSet
    public var readingsPath: String
    public var readingsName: String
    /// Rows of points.csv rejected under --skip-invalid.
    public var rejects: [RejectedRow]
    /// The readings when they come from a store instead of `readingsPath`.
    public var source: ReadingSource?
    /// SHA-256 of thresholds.yaml when it is known without reading a file (a stored round's archived one).
    public var thresholdsSHA256: String?

    public init(ponds: [MonitoredPond], points: [MonitoringPoint], thresholds: ThresholdSet, readingsPath: String, readingsName: String? = nil, rejects: [RejectedRow] = []) {
        self.ponds = ponds
        self.points = points
        self.thresholds = thresholds
        self.readingsPath = readingsPath
        self.readingsName = readingsName ?? readingsPath
        self.rejects = rejects
    }

    /// The readings file of a monitoring folder: readings.csv.gz, else readings.csv.
    public static func readingsFile(in folder: String) -> String? {
        for name in ["readings.csv.gz", "readings.csv"] {
            let path = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Loads the folder; the ponds are the tailings ponds of facilities.csv.
    public static func load(directory: String, models: ModelSet, skipInvalid: Bool = false) throws -> MonitoringData {
        let monitoring = (directory as NSString).appendingPathComponent("monitoring")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: monitoring, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MineRiskError.missingInput("\(monitoring): no monitoring folder (points.csv, thresholds.yaml, readings.csv[.gz])")
        }
        var state = LoadState(skipInvalid: skipInvalid)
        let facilities = try FacilityReader(models: models).read(try CSVReader(path: (directory as NSString).appendingPathComponent("facilities.csv")), state: &state)
        let ponds = facilities.filter { $0.kind == .tailingsPond }.map(MonitoredPond.init(facility:))
        let byID = Dictionary(ponds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let points = try PointsReader(ponds: byID).read(try CSVReader(path: (monitoring as NSString).appendingPathComponent("points.csv")), state: &state)
        try state.problems.throwIfAny()
        let items = Dictionary(points.map { ($0.id, $0.item) }, uniquingKeysWith: { a, _ in a })
        let thresholds = try ThresholdLoader.load(path: (monitoring as NSString).appendingPathComponent("thresholds.yaml"), points: items)
        for pond in thresholds.ponds where byID[pond.facilityID] == nil {
            throw MineRiskError.invalid(SourceLocation(file: thresholds.file, path: "ponds (facility \(pond.facilityID))"),
                                        "unknown pond \"\(pond.facilityID)\": not a tailings pond of facilities.csv")
        }
        guard let readings = readingsFile(in: monitoring) else {
            throw MineRiskError.missingInput("\(monitoring)/readings.csv: no such file (nor readings.csv.gz)")
        }
        return MonitoringData(ponds: ponds, points: points, thresholds: thresholds, readingsPath: readings, rejects: state.rejects)
    }
}
