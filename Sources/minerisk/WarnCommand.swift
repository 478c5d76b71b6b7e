import ArgumentParser
import Foundation
import MineRisk

struct WarnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warn",
        abstract: "Early warning from the ponds' online monitoring: blue, yellow, orange or red (GB 39496-2020 §5.5).",
        discussion: """
        Reads DATA/monitoring/points.csv, thresholds.yaml and readings.csv (or readings.csv.gz, streamed). Each point's \
        level holds after `persistence` consecutive readings reach it; items and ponds follow GB 39496-2020 §5.5.4 \
        (4 blue → yellow, 3 yellow → orange, 2 orange → red). Offline and stuck sensors and ponds without working \
        monitoring are findings. The bundled data's readings are generated on first use. With --round ID the \
        stored round's monitoring is read instead (see `db import`); --save keeps the run in the store \
        (`db warnings` reads it back).
        """
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .long, help: "Report as of this time (ISO 8601 with offset, e.g. 2017-07-20T17:00:00+08:00): readings after it are not used.")
    var at: String?

    @Option(name: .long, help: "Start of a period: warnings that ended before it are left out (with --to).")
    var from: String?

    @Option(name: .long, help: "End of a period: the report is as of it.")
    var to: String?

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var storeOptions: WarnStoreOptions

    func validate() throws {
        if at != nil && (from != nil || to != nil) { throw ValidationError("--at excludes --from and --to") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        for (name, value) in [("--at", at), ("--from", from), ("--to", to)] { try requireISOTime(name, value) }
        if let from, let to, ISOTime.parse(from)!.seconds > ISOTime.parse(to)!.seconds {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
    }

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: EarlyWarnings.self)
            try outputOptions.checkDestination(format: format)
            try storeOptions.checkBeforeRun(data: dataOptions.data)
            let models = try dataOptions.loadModels()
            let stored = try storeOptions.storedMonitoring()
            defer { try? stored?.store.close() }
            if stored == nil, let generated = try MonitoringSynthesizer.generateBundledReadingsIfMissing(directory: dataOptions.data, models: models) {
                FileHandle.standardError.write(Data("minerisk: generated the bundled readings (\(generated.readings) readings) into \(generated.folder)\n".utf8))
            }
            let data = try stored?.data ?? MonitoringData.load(directory: dataOptions.data, models: models, skipInvalid: dataOptions.skipInvalid)
            let until = (at ?? to).flatMap { ISOTime.parse($0) }
            let report = try WarningEngine(data: data, until: until, from: from.flatMap { ISOTime.parse($0) },
                                           skipInvalid: dataOptions.skipInvalid).run()
            if dataOptions.skipInvalid { try outputOptions.writeRejects(report.rejects, defaultBase: "minerisk-warn") }
            try storeOptions.saveIfAsked(report, data: dataOptions.data, provenance: WarningRunProvenance(
                from: from, to: at ?? to, source: storeOptions.round.map { "\(storeOptions.location), round \($0)" } ?? dataOptions.data,
                thresholdsFile: data.thresholds.file, thresholdsSHA256: try data.thresholdsSHA256 ?? sha256(ofFile: data.thresholds.file)))
            let day = String(report.asOf.prefix(10))
            let hiddenDangers = try stored.map { try HazardRegister(dataset: $0.store.dataset(round: storeOptions.round!, models: models)).warnings(asOf: day) }
                ?? hiddenDangerWarnings(asOf: day, models: models)
            try outputOptions.write(EarlyWarnings(monitoring: report, hiddenDangers: hiddenDangers), as: format)
        }
    }

    /// The register's overdue major hidden dangers on the report's day (red warnings, DOMAIN §10), when the data
    /// folder holds a round (facilities.csv, hazards.csv, …); a folder of monitoring files alone has none.
    private func hiddenDangerWarnings(asOf day: String, models: ModelSet) throws -> [HazardWarning] {
        let folder = dataOptions.data
        let present = DatasetLoader.requiredFiles.allSatisfy { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
        guard present else { return [] }
        var loader = DatasetLoader(directory: folder, models: models)
        loader.catalog = try dataOptions.loadCatalog()
        let data = try loader.load()
        return HazardRegister(dataset: data).warnings(asOf: day)
    }
}

/// Refuses an option value that is not an ISO 8601 time with its offset.
func requireISOTime(_ option: String, _ value: String?) throws {
    if let value, ISOTime.parse(value) == nil {
        throw ValidationError("\(option): expected an ISO 8601 time with its offset (2017-07-20T17:00:00+08:00), found \"\(value)\"")
    }
}
