import ArgumentParser
import Foundation
import MineRisk

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show the BLAS library, its kernel (core) and threads, and the engine's version."
    )

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let info = BLASInfo.current
        if format == .json {
            struct Doctor: Encodable { let engine: String; let blas: BLASInfo }
            FileHandle.standardOutput.write(try encodeJSON(Doctor(engine: engineVersion, blas: info)))
        } else {
            print("""
            engine      \(engineVersion)
            BLAS        \(info.library): \(info.config)
            core        \(info.coreName)
            threads     \(info.threads)
            CORETYPE    \(info.coreTypeOverride ?? "(not set)")
            """)
        }
    }
}
