// swift-tools-version: 6.0
// The fuzzing harness: built by scripts/fuzz/run with libFuzzer (-sanitize=fuzzer) and -enable-testing (its
// targets, FuzzTargets.swift, reach the readers through @testable import), or plainly to replay inputs.
import PackageDescription

let package = Package(
    name: "minerisk-fuzz",
    dependencies: [.package(name: "minerisk", path: "../..")],
    targets: [
        .executableTarget(
            name: "minerisk-fuzz",
            dependencies: [.product(name: "MineRisk", package: "minerisk")],
            swiftSettings: [.swiftLanguageMode(.v5), .unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
