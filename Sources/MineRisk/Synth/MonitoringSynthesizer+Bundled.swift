import Foundation

extension MonitoringSynthesizer {
    /// Writes the Liangshan monitoring of a data folder: monitoring/points.csv, thresholds.yaml and
    /// readings.csv.gz, from the folder's facilities.csv.
    public static func writeLiangshan(directory: String, models: ModelSet, output: String? = nil, gzip: Bool = true, seed: UInt64 = liangshanSeed) throws -> Summary {
        var state = LoadState(skipInvalid: false)
        let facilities = try FacilityReader(models: models).read(try CSVReader(path: (directory as NSString).appendingPathComponent("facilities.csv")), state: &state)
        try state.problems.throwIfAny()
        let folder = output ?? (directory as NSString).appendingPathComponent("monitoring")
        return try liangshan(facilities: facilities, seed: seed).write(to: folder, gzip: gzip)
    }

    /// When a data folder's monitoring has points.csv exactly as the Liangshan generator writes it but no
    /// readings (they are too large to commit), generates the readings; returns the summary if it did.
    public static func generateBundledReadingsIfMissing(directory: String, models: ModelSet) throws -> Summary? {
        let folder = (directory as NSString).appendingPathComponent("monitoring")
        guard MonitoringData.readingsFile(in: folder) == nil,
              let committed = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("points.csv")) else { return nil }
        var state = LoadState(skipInvalid: false)
        let facilities = try FacilityReader(models: models).read(try CSVReader(path: (directory as NSString).appendingPathComponent("facilities.csv")), state: &state)
        try state.problems.throwIfAny()
        let synth = liangshan(facilities: facilities)
        guard Data(synth.pointsCSV(synth.plannedPoints).utf8) == committed else { return nil }
        return try synth.write(to: folder, gzip: true)
    }
}
