import Foundation

/// A round's monitoring folder read for import: the sensors and thresholds checked, their files kept byte for byte,
/// and where the readings file is. The readings themselves are checked and stored as they stream in, inside the
/// import's transaction; they are never held in memory.
public struct RoundMonitoring: Sendable {
    /// The folder's name inside a round's data folder, and the prefix of its archived files.
    public static let folder = "monitoring"

    public var data: MonitoringData
    /// points.csv and thresholds.yaml as they are on disk, named `monitoring/…`.
    public var files: [ArchivedFile]
    /// The readings file (readings.csv or readings.csv.gz) on disk, archived as it streams.
    public var readingsPath: String
    /// Its archive name, `monitoring/readings.csv.gz` or `monitoring/readings.csv`.
    public var readingsName: String

    /// The monitoring folder of a data folder, or nil when it has none.
    public static func load(directory: String, models: ModelSet) throws -> RoundMonitoring? {
        let folder = (directory as NSString).appendingPathComponent(Self.folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let data = try MonitoringData.load(directory: directory, models: models)
        let readingsName = "\(Self.folder)/\((data.readingsPath as NSString).lastPathComponent)"
        let files = try ["points.csv", "thresholds.yaml"].map { name -> ArchivedFile in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let content = FileManager.default.contents(atPath: path) else {
                throw MineRiskError.io("\(path): could not be read again for the archive")
            }
            return ArchivedFile(name: "\(Self.folder)/\(name)", content: [UInt8](content))
        }
        return RoundMonitoring(data: data, files: files, readingsPath: data.readingsPath, readingsName: readingsName)
    }

    /// The names the folder's files are archived under, readings last.
    public var archivedNames: [String] { files.map(\.name) + [readingsName] }

    /// SHA-256 of the archived thresholds.yaml, the provenance of a warning run made from this folder.
    public var thresholdsSHA256: String {
        files.first { $0.name.hasSuffix("thresholds.yaml") }?.sha256 ?? ""
    }
}
