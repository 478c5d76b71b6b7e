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

struct AHPWeights: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ahp",
        abstract: "AHP weights, λmax, CI and CR of a pairwise matrix (CSV; cells such as 3 or 1/3).",
        discussion: "An inconsistent matrix (CR ≥ 0.10) still prints its result, with consistent: false, and exits 0."
    )

    @Argument(help: "CSV square matrix; an optional header row and label column.") var file: String
    @Option(name: .long, help: "Random-index table: saaty1980, chinese, saaty2005.") var ri: RandomIndexTable = .chinese
    @Option(name: .long, help: "eigenvector (LAPACK dgeev), geometric-mean (root method) or arithmetic-mean (sum-product method).") var method: AHPMethod = .eigenvector
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: AHPOutput.self)
            try outputOptions.checkDestination(format: format)
            let parsed = try PairwiseMatrixFile(reader: try CSVReader(path: file))
            let result = try analyticHierarchy(parsed.matrix, method: method, riTable: ri)
            try outputOptions.write(AHPOutput(labels: parsed.labels, result: result), as: format)
        }
    }
}

protocol ObjectiveMethodName { static var method: ObjectiveMethod { get } }
enum Entropy: ObjectiveMethodName { static let method = ObjectiveMethod.entropy }
enum Critic: ObjectiveMethodName { static let method = ObjectiveMethod.critic }
enum StdDev: ObjectiveMethodName { static let method = ObjectiveMethod.stddev }

struct ObjectiveWeightsCommand<Method: ObjectiveMethodName>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Method.method.rawValue,
            abstract: "\(Method.method.rawValue) weights of the criteria of a decision matrix (header of criteria, first column ids)."
        )
    }

    @Argument(help: "CSV decision matrix.") var file: String
    @Option(name: .long, help: "Criterion types, comma-separated benefit|cost (default: all benefit).") var types: String?
    @Option(name: .long, help: "Entropy normalisation: sum (raw proportions) or minmax.") var normalization: EntropyNormalization = .sum
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: WeightsOutput.self)
            try outputOptions.checkDestination(format: format)
            let parsed = try DecisionMatrixFile(reader: try CSVReader(path: file))
            let criterionTypes = try parseTypes(types, count: parsed.criteria.count)
            let weights = try objectiveWeights(parsed.matrix, types: criterionTypes, method: Method.method, normalization: normalization)
            try outputOptions.write(WeightsOutput(criteria: parsed.criteria, weights: weights), as: format)
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
