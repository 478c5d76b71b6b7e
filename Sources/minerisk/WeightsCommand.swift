import ArgumentParser
import Foundation
import MineRisk

struct WeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "Derive weights: AHP from a pairwise matrix, or objective weights from a decision matrix.",
        subcommands: [AHPWeights.self, ObjectiveWeightsCommand<Entropy>.self, ObjectiveWeightsCommand<Critic>.self, ObjectiveWeightsCommand<StdDev>.self]
    )
}

struct AHPWeights: ParsableCommand, FormatWriting {
    static let configuration = CommandConfiguration(
        commandName: "ahp",
        abstract: "AHP weights, λmax, CI and CR of a pairwise matrix (CSV; cells such as 3 or 1/3).",
        discussion: "An inconsistent matrix (CR ≥ 0.10) still prints its result, with consistent: false, and exits 0."
    )

    static let formats: [OutputFormat] = [.table, .json, .csv]

    @Argument(help: "CSV square matrix; an optional header row and label column.") var file: String
    @Option(name: .long, help: "Random-index table: saaty1980, chinese, saaty2005.") var ri: RandomIndexTable = .chinese
    @Option(name: .long, help: "eigenvector (LAPACK dgeev), geometric-mean (root method) or arithmetic-mean (sum-product method).") var method: AHPMethod = .eigenvector
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: Self.self)
            try outputOptions.checkDestination(format: format)
            let parsed = try PairwiseMatrixFile(reader: try CSVReader(path: file))
            let result = try analyticHierarchy(parsed.matrix, method: method, riTable: ri)
            switch format {
            case .json:
                struct Output: Encodable {
                    let labels: [String]; let weights: [Double]; let lambdaMax, ci, cr, ri: Double
                    let riTable: String; let method: String; let consistent: Bool; let worstJudgement: InconsistentJudgement?
                }
                try outputOptions.emit(try encodeJSON(Output(
                    labels: parsed.labels, weights: result.weights, lambdaMax: result.lambdaMax, ci: result.ci, cr: result.cr,
                    ri: result.ri, riTable: ri.rawValue, method: method.rawValue, consistent: result.consistent,
                    worstJudgement: result.worstJudgement)))
            case .csv:
                var writer = CSVWriter(byteOrderMark: false)
                writer.row(["item", "weight"])
                for (label, weight) in zip(parsed.labels, result.weights) { writer.row([label, String(weight)]) }
                try outputOptions.emit(writer.text)
            default:
                try outputOptions.emit(WeightsText.ahp(result, labels: parsed.labels))
            }
        }
    }
}

protocol ObjectiveMethodName { static var method: ObjectiveMethod { get } }
enum Entropy: ObjectiveMethodName { static let method = ObjectiveMethod.entropy }
enum Critic: ObjectiveMethodName { static let method = ObjectiveMethod.critic }
enum StdDev: ObjectiveMethodName { static let method = ObjectiveMethod.stddev }

struct ObjectiveWeightsCommand<Method: ObjectiveMethodName>: ParsableCommand, FormatWriting {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Method.method.rawValue,
            abstract: "\(Method.method.rawValue) weights of the criteria of a decision matrix (header of criteria, first column ids)."
        )
    }

    static var formats: [OutputFormat] { [.table, .json, .csv] }

    @Argument(help: "CSV decision matrix.") var file: String
    @Option(name: .long, help: "Criterion types, comma-separated benefit|cost (default: all benefit).") var types: String?
    @Option(name: .long, help: "Entropy normalisation: sum (raw proportions) or minmax.") var normalization: EntropyNormalization = .sum
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: Self.self)
            try outputOptions.checkDestination(format: format)
            let parsed = try DecisionMatrixFile(reader: try CSVReader(path: file))
            let criterionTypes = try parseTypes(types, count: parsed.criteria.count)
            let weights = try objectiveWeights(parsed.matrix, types: criterionTypes, method: Method.method, normalization: normalization)
            try emitWeights(criteria: parsed.criteria, weights: weights, format: format, to: outputOptions)
        }
    }
}

/// Parses --types: one benefit or cost per criterion.
func parseTypes(_ text: String?, count: Int) throws -> [CriterionType] {
    guard let text else { return [CriterionType](repeating: .benefit, count: count) }
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == count else {
        throw MineRiskError.usage("--types: expected \(count) entries (one per criterion), found \(parts.count)")
    }
    return try parts.map {
        guard let type = CriterionType(rawValue: $0) else { throw MineRiskError.usage("--types: expected benefit or cost, found \"\($0)\"") }
        return type
    }
}

func emitWeights(criteria: [String], weights: [Double], format: OutputFormat, to output: OutputOptions) throws {
    switch format {
    case .json:
        struct Output: Encodable { let criteria: [String]; let weights: [Double] }
        try output.emit(try encodeJSON(Output(criteria: criteria, weights: weights)))
    case .csv:
        var writer = CSVWriter(byteOrderMark: false)
        writer.row(["criterion", "weight"])
        for (c, w) in zip(criteria, weights) { writer.row([c, String(w)]) }
        try output.emit(writer.text)
    default:
        try output.emit(WeightsText.weights(weights, criteria: criteria))
    }
}
