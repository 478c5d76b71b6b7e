import ArgumentParser
import Foundation
import MineRisk

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate synthetic datasets: the bundled Liangshan rounds, or benchmark sets of any size.",
        discussion: "Every set is deterministic: the same seed and models give the same bytes.",
        subcommands: [Liangshan.self, National.self, Monitoring.self]
    )

    /// How the generators word their shared options.
    enum Wording: OptionWording {
        static let models = "Folder of indicator models (*.yaml) whose indicators the data assess."
    }

    struct Liangshan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "liangshan-2017",
            abstract: "Write the Liangshan 2017 seed (and the 2016 round before it).",
            discussion: """
            The data are synthetic, made so that grading them reproduces the published totals of the 2017 \
            Liangshan report (listed in seeds/liangshan-2017/README.md). What to generate (facilities of each \
            kind, graded counts, the coal register, the experts) is read from the plan file. The committed \
            seeds/ folders are this command's output.
            """
        )

        @OptionGroup var modelOption: ModelsOption<Wording>

        @Option(name: .long, help: "The plan of the rounds (YAML).")
        var plan: String = LiangshanSynthesizer.defaultPlan

        enum SeedWording: OptionWording { static let seed = "Seed of the generator (default: the plan's)." }
        @OptionGroup var seedOption: SeedOption<SeedWording>
        var seed: UInt64? { seedOption.seed }

        @Option(name: .shortAndLong, help: "Folder for the 2017 round.")
        var output: String = "seeds/liangshan-2017"

        @Option(name: .long, help: "Folder for the 2016 round (default: liangshan-2016 beside the 2017 folder).")
        var earlierOutput: String?

        @Flag(name: .long, help: "Write only the 2017 round.")
        var noEarlier = false

        func validate() throws {
            if noEarlier && earlierOutput != nil { throw ValidationError("--no-earlier and --earlier-output exclude each other") }
        }

        /// The 2016 folder: as given, or a sibling of the 2017 folder.
        var earlierFolder: String? {
            if noEarlier { return nil }
            if let earlierOutput { return earlierOutput }
            let parent = ((output as NSString).standardizingPath as NSString).deletingLastPathComponent
            return ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent("liangshan-2016")
        }

        func run() throws {
            try runReporting {
                let models = try modelOption.load()
                let written = try LiangshanSynthesizer(models: models, plan: plan, seed: seed).write(to: output, earlier: earlierFolder)
                for path in written { print("wrote \(path)") }
            }
        }
    }

    struct National: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "national",
            abstract: "Write a benchmark set of any size in the seed's format, with the same models.",
            discussion: "Every facility is assessed by every expert; about 10% miss a group of indicators."
        )

        @OptionGroup var modelOption: ModelsOption<Wording>

        @Option(name: .long, help: "Number of facilities.")
        var facilities: Int = 100_000

        @Option(name: .long, help: "Number of experts, each assessing every facility (1–99).")
        var experts: Int = 7

        @OptionGroup var seedOption: SeedOption<Wording>
        var seed: UInt64 { seedOption.value }

        @Option(name: .shortAndLong, help: "Folder to write facilities.csv, experts.csv, assessments.csv and hazards.csv into.")
        var output: String

        func validate() throws {
            guard facilities > 0 else { throw ValidationError("--facilities must be at least 1, found \(facilities)") }
            guard (1...99).contains(experts) else { throw ValidationError("--experts must be from 1 to 99, found \(experts)") }
        }

        func run() throws {
            try runReporting {
                let models = try modelOption.load()
                let start = Date()
                let summary = try NationalSynthesizer(models: models, facilities: facilities, experts: experts, seed: seed)
                    .write(to: output)
                let seconds = Date().timeIntervalSince(start)
                print("wrote \(output): \(summary.facilities) facilities (\(summary.incomplete) incomplete), \(summary.experts) experts, \(summary.assessments) assessments, \(summary.hazards) hazards in \(String(format: "%.1f", seconds)) s")
            }
        }
    }

    struct Monitoring: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "monitoring",
            abstract: "Write online-monitoring data: the Liangshan 2017 flood season, or a national benchmark day.",
            discussion: """
            Without --national: DATA/monitoring/points.csv, thresholds.yaml and readings.csv.gz for the ponds of \
            DATA/facilities.csv that have online monitoring (10-minute readings for classes 1–3, hourly elsewhere), \
            June–September 2017, with a rainstorm on 20 July and a few sensor faults. With --national N: N ponds of \
            eight 10-minute points over one day, written with their facilities.csv into --output.
            """
        )

        @OptionGroup var modelOption: ModelsOption<Wording>

        @Option(name: .long, help: "Data folder whose facilities.csv gives the ponds (Liangshan).")
        var data: String = "seeds/liangshan-2017"

        @Option(name: .long, help: "Number of ponds of a national benchmark day.")
        var national: Int?

        enum SeedWording: OptionWording { static let seed = "Seed of the generator (default: the bundled data's, or 1 for --national)." }
        @OptionGroup var seedOption: SeedOption<SeedWording>
        var seed: UInt64? { seedOption.seed }

        @Flag(name: .long, help: "Write readings.csv instead of readings.csv.gz.")
        var plain = false

        @Option(name: .shortAndLong, help: "Folder to write into (default DATA/monitoring; required with --national: its monitoring/ and facilities.csv).")
        var output: String?

        func validate() throws {
            if let national, national < 1 { throw ValidationError("--national must be at least 1, found \(national)") }
            if national != nil && output == nil { throw ValidationError("--national needs --output DIR") }
        }

        func run() throws {
            try runReporting {
                let models = try ModelLoader.load(directory: modelOption.models)
                let started = Date()
                let summary: MonitoringSynthesizer.Summary
                if let national, let output {
                    let (synth, facilities) = MonitoringSynthesizer.national(ponds: national, seed: seed ?? 1)
                    do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
                        throw MineRiskError.cannotCreate("\(output): cannot create the folder: \(error.localizedDescription)")
                    }
                    try AtomicWriter.write(facilities, to: (output as NSString).appendingPathComponent("facilities.csv"))
                    summary = try synth.write(to: (output as NSString).appendingPathComponent("monitoring"), gzip: !plain)
                } else {
                    summary = try MonitoringSynthesizer.writeLiangshan(directory: data, models: models, output: output, gzip: !plain,
                                                                       seed: seed ?? MonitoringSynthesizer.liangshanSeed)
                }
                for path in summary.files { print("wrote \(path)") }
                print("\(summary.points) points, \(summary.readings) readings (SHA-256 of the text \(summary.readingsSHA256)) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            }
        }
    }
}
