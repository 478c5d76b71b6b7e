import ArgumentParser
import Foundation
import MineRisk

@main
struct MineRiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minerisk",
        abstract: "Grades the safety risk of mines and tailings ponds from expert assessments.",
        discussion: "Run from the repository root, every command uses the bundled Liangshan 2017 data and Models/.",
        subcommands: [GradeCommand.self, SimulateCommand.self, ScenarioCommand.self, ReportCommand.self, WarnCommand.self, FormsCommand.self, DbCommand.self, HazardsCommand.self, SynthCommand.self, WeightsCommand.self, RankCommand.self, DoctorCommand.self]
    )

    /// Picks a fast BLAS kernel before anything else runs, then parses the command line as usual.
    static func main() {
        BLASCoreTypeLauncher.reexecuteIfFaster()
        BLASThreads.keepToOne()
        main(nil)
    }
}

/// Runs a command body, turning engine errors into a message on stderr and a sysexits code.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as MineRiskError {
        FileHandle.standardError.write(Data("minerisk: error: \(error.description)\n".utf8))
        throw ExitCode(error.exitStatus.rawValue)
    } catch let error as LAPACKError {
        FileHandle.standardError.write(Data("minerisk: error: \(error.description)\n".utf8))
        throw ExitCode(ExitStatus.software.rawValue)
    }
}

/// True when stdout is a terminal that wants colour (NO_COLOR unset).
var terminalWantsColour: Bool {
    isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}

/// Results a command keeps until the process ends (`keepUntilExit`).
private nonisolated(unsafe) var keptUntilExit: [Any] = []

/// Keeps a command's large results alive until the process ends, so that the system takes their memory back whole
/// at exit instead of the program freeing them object by object just before it (a national round's results and
/// data are millions of objects: about 0.4 s at 400,000 facilities). Compilers skip the same frees at exit.
func keepUntilExit(_ values: Any...) {
    keptUntilExit.append(contentsOf: values)
}
