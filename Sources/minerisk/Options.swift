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
    @OptionGroup var dataFolder: DataFolderOption<GradingWording>
    @OptionGroup var modelFolder: ModelsOption<GradingWording>

    @Flag(name: .long, help: "Grade the valid facilities and write every rejected row with its reason to a reject file.")
    var skipInvalid = false

    @Option(name: .long, help: "Folder of hidden-danger lists (*.yaml): hazards.csv codes are checked against them. Default Lists/ when it exists.")
    var lists: String?

    var data: String { dataFolder.data }

    func loadModels() throws -> ModelSet { try modelFolder.load() }

    /// The models, read on this thread, and (when `withLists`) the hazard lists, read meanwhile on another: both are
    /// reference data that the round's files are checked against. `loadData(models:lists:)` waits for the lists, and
    /// throws their error.
    func loadModelsAndLists(withLists: Bool = true) throws -> (models: ModelSet, lists: Background<HazardCatalog?>?) {
        let lists = withLists ? Background { try loadCatalog() } : nil
        do {
            return (try loadModels(), lists)
        } catch {
            lists?.wait() // nothing outlives the command's first error
            throw error
        }
    }

    /// The lists of `--lists`, else `Lists/` when the working folder has it, else none (the models' veto codes only).
    func loadCatalog() throws -> HazardCatalog? {
        if let lists { return try HazardCatalog.load(directory: lists) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "Lists", isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return try HazardCatalog.load(directory: "Lists")
    }

    /// The round of the data folder; `lists` are the hazard lists already being read (`loadModelsAndLists`), else
    /// they are read here.
    func loadData(models: ModelSet, lists: Background<HazardCatalog?>? = nil) throws -> Dataset {
        var loader = DatasetLoader(directory: data, models: models, skipInvalid: skipInvalid)
        if let lists {
            loader.catalog = try lists.value()
        } else {
            loader.catalog = try loadCatalog()
        }
        return try loader.load()
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
