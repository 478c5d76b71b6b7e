import ArgumentParser
import MineRisk

/// How a command words the help of a shared option. Each option (its name, type and default) is declared
/// once, in the groups below; a command picks its wording, so that its help says what the option is for there.
protocol OptionWording {
    static var data: String { get }
    static var models: String { get }
    static var seed: String { get }
}

extension OptionWording {
    static var data: String { "Dataset folder (facilities.csv, experts.csv, assessments.csv, hazards.csv)." }
    static var models: String { "Folder of indicator models (*.yaml)." }
    static var seed: String { "Seed of the generator (default 1)." }
}

/// The grading commands' words: the defaults.
enum GradingWording: OptionWording {}

/// `--data FOLDER`: a round's data folder, the bundled one by default.
struct DataFolderOption<Wording: OptionWording>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Wording.data))
    var data: String = "seeds/liangshan-2017"
}

/// `--models FOLDER`: the indicator models.
struct ModelsOption<Wording: OptionWording>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Wording.models))
    var models: String = "Models"

    func load() throws -> ModelSet { try ModelLoader.load(directory: models) }
}

/// `--seed N` of a random process (a Monte Carlo, a generator): the same seed gives the same output. A command
/// without a seed of its own to fall back on takes 1; its wording says which.
struct SeedOption<Wording: OptionWording>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Wording.seed))
    var seed: UInt64?

    /// The seed given, else 1.
    var value: UInt64 { seed ?? 1 }
}
