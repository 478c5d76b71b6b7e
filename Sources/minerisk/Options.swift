import ArgumentParser
import Foundation
import MineRisk

extension RandomIndexTable: ExpressibleByArgument {}
extension AHPMethod: ExpressibleByArgument {}
extension EntropyNormalization: ExpressibleByArgument {}
extension TOPSISNormalization: ExpressibleByArgument {}
extension FuzzyOperator: ExpressibleByArgument {}
extension GradeRule: ExpressibleByArgument {}
extension EvaluationMethod: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Where the data and the models are.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset folder (facilities.csv, experts.csv, assessments.csv, hazards.csv).")
    var data: String = "seeds/liangshan-2017"

    @Option(name: .long, help: "Folder of indicator models (*.yaml).")
    var models: String = "Models"

    @Flag(name: .long, help: "Grade the valid facilities and write every rejected row with its reason to a reject file.")
    var skipInvalid = false

    func loadModels() throws -> ModelSet { try ModelLoader.load(directory: models) }

    func loadData(models: ModelSet) throws -> Dataset {
        try DatasetLoader(directory: data, models: models, skipInvalid: skipInvalid).load()
    }
}

/// How weights and grades are computed.
struct GradingOptionGroup: ParsableArguments {
    @Option(name: .long, help: "Random-index table for CR: saaty1980, chinese, saaty2005.")
    var ri: RandomIndexTable = .chinese

    @Option(name: .long, help: "AHP priorities: eigenvector, geometric-mean (root method) or arithmetic-mean (sum-product method).")
    var ahpMethod: AHPMethod = .eigenvector

    @Option(name: .long, help: "Indicator weights: ahp, entropy, critic, stddev, or combined (ahp with --objective).")
    var weighting: String = "ahp"

    @Option(name: .long, help: "Objective method combined with AHP under --weighting combined: entropy, critic, stddev.")
    var objective: String = "entropy"

    @Option(name: .long, help: "Share of the AHP weights in a linear combination (0…1); 'multiplicative' for the product rule.")
    var alpha: String = "0.5"

    @Option(name: .long, help: "Entropy normalisation: sum or minmax.")
    var normalization: EntropyNormalization = .minmax

    @Option(name: .customLong("operator"), help: "Fuzzy operator: weighted-average, min-max, product-max, min-bounded-sum.")
    var fuzzyOperator: FuzzyOperator = .weightedAverage

    @Option(name: .long, help: "Grade by the risk score's band (score) or by maximum membership (membership).")
    var gradeBy: GradeRule = .score

    @Option(name: .long, help: "fuzzy (comprehensive evaluation, default) or weighted-sum (s = Xw of the indicators' risk scores).")
    var evaluation: EvaluationMethod = .fuzzy

    @Option(name: .long, help: "Choose the rules in force on this day (YYYY-MM-DD) instead of round.yaml's assessedOn.")
    var asOf: String?

    func validate() throws {
        _ = try options()
    }

    func options() throws -> GradingOptions {
        var options = GradingOptions()
        options.riTable = ri
        options.ahpMethod = ahpMethod
        options.fuzzyOperator = fuzzyOperator
        options.gradeRule = gradeBy
        options.evaluation = evaluation
        if let asOf {
            guard isISODate(asOf) else { throw ValidationError("--as-of must be a date YYYY-MM-DD, found \"\(asOf)\"") }
            options.asOf = asOf
        }
        if evaluation == .weightedSum && gradeBy == .membership {
            throw ValidationError("--grade-by membership needs --evaluation fuzzy: a weighted sum has no membership vector")
        }
        if evaluation == .weightedSum && fuzzyOperator != .weightedAverage {
            throw ValidationError("--operator applies to --evaluation fuzzy only")
        }
        switch weighting {
        case "ahp":
            options.weighting = .ahp
        case "combined":
            guard let method = ObjectiveMethod(rawValue: objective) else {
                throw ValidationError("--objective must be entropy, critic or stddev, found \"\(objective)\"")
            }
            let rule: WeightCombination
            if alpha == "multiplicative" {
                rule = .multiplicative
            } else if let a = Double(alpha), (0...1).contains(a) {
                rule = .linear(alpha: a)
            } else {
                throw ValidationError("--alpha must be a number from 0 to 1 or 'multiplicative', found \"\(alpha)\"")
            }
            options.weighting = .combined(method, normalization, rule)
        default:
            guard let method = ObjectiveMethod(rawValue: weighting) else {
                throw ValidationError("--weighting must be ahp, entropy, critic, stddev or combined, found \"\(weighting)\"")
            }
            options.weighting = .objective(method, normalization)
        }
        return options
    }
}

/// Where and how a result is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, csv, json, markdown (or xlsx, html where the command writes files). Default: from --output's extension, else table.")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// The format asked for, by flag or by the output file's extension.
    func resolvedFormat(allowed: [OutputFormat]) throws -> OutputFormat {
        let format = self.format ?? output.flatMap(OutputFormat.fromExtension) ?? .table
        guard allowed.contains(format) else {
            throw MineRiskError.usage("this command writes \(allowed.map(\.rawValue).joined(separator: ", ")); \(format.rawValue) is not one of them")
        }
        return format
    }

    /// Checks before any work that the output file can be created (and that a spreadsheet has a file to go to).
    func checkDestination(format: OutputFormat? = nil) throws {
        if format == .xlsx && output == nil {
            throw MineRiskError.usage("xlsx is a binary file: pass --output FILE.xlsx")
        }
        if let output { try AtomicWriter.checkWritable(output) }
    }

    /// Writes text to the output file or standard output.
    func emit(_ text: String) throws {
        try emit(Data(text.utf8))
    }

    /// Streams an output to the --output file (atomically) or to standard output.
    func stream(_ produce: (ByteSink) throws -> Void) throws {
        if let output {
            try ByteSink.write(to: output, produce)
        } else {
            try produce(ByteSink.standardOutput)
        }
    }

    func emit(_ data: Data) throws {
        if let output {
            try AtomicWriter.write(data, to: output)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
