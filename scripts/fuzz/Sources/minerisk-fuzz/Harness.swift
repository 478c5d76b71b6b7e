import Foundation
import MineRisk

// One binary, three targets, chosen by MINERISK_FUZZ_TARGET (csv, dataset, model, matrix).

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

let target = ProcessInfo.processInfo.environment["MINERISK_FUZZ_TARGET"] ?? "csv"

let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)

let baseDataset: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: DatasetLoader.requiredFiles.map { name in
    (name, [UInt8](FileManager.default.contents(atPath: repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures/mini/\(name)").path)!))
})

func runTarget(_ bytes: [UInt8]) {
    switch target {
    case "dataset": FuzzTargets.dataset(bytes, base: baseDataset, models: models)
    case "model": FuzzTargets.model(bytes)
    case "matrix": FuzzTargets.matrix(bytes)
    default: FuzzTargets.csv(bytes)
    }
}

#if FUZZING
/// libFuzzer's driver, called from our own main (SwiftPM names an executable's entry point itself).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            runTarget(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
    }
}
#else
@main
enum Replay {
    /// Replays the files named on the command line through the chosen target.
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            runTarget([UInt8](FileManager.default.contents(atPath: path) ?? Data()))
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs through \(target)")
    }
}
#endif
