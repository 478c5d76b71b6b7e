import ArgumentParser
import Foundation
import MineRisk

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank alternatives.",
        subcommands: [TOPSISCommand.self]
    )
}

struct TOPSISCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topsis",
        abstract: "TOPSIS closeness and rank (1 = closest to the ideal) of a decision matrix."
    )

    @Argument(help: "CSV decision matrix: header of criteria, first column ids.") var file: String
    @Option(name: .long, help: "Criterion weights, comma-separated, one per criterion.") var weights: String
    @Option(name: .long, help: "Criterion types, comma-separated benefit|cost (default: all benefit).") var types: String?
    @Option(name: .long, help: "vector (default) or minmax.") var normalization: TOPSISNormalization = .vector
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReporting {
            let format = try outputOptions.resolvedFormat(for: TOPSISOutput.self)
            try outputOptions.checkDestination(format: format)
            let parsed = try DecisionMatrixFile(reader: try CSVReader(path: file))
            let w = try weights.split(separator: ",").map { part -> Double in
                guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
                    throw MineRiskError.usage("--weights: expected non-negative numbers, found \"\(part)\"")
                }
                return value
            }
            guard w.count == parsed.criteria.count else {
                throw MineRiskError.usage("--weights: expected \(parsed.criteria.count) weights (one per criterion: \(parsed.criteria.joined(separator: ", "))), found \(w.count)")
            }
            let total = w.reduce(0, +)
            guard abs(total - 1) <= 1e-6 else {
                throw MineRiskError.usage("--weights: expected weights that sum to 1, found \(w.map(\.clean).joined(separator: ",")) summing to \(total.clean)")
            }
            let result = try topsis(parsed.matrix, weights: w, types: try parseTypes(types, count: parsed.criteria.count), normalization: normalization)
            try outputOptions.write(TOPSISOutput(alternatives: parsed.alternatives, result: result), as: format)
        }
    }
}
