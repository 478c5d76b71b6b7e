@testable import MineRisk

/// Entry points for fuzzing the readers (scripts/fuzz) and for replaying inputs that once failed
/// (Tests/MineRiskTests/Fixtures/fuzz, by FuzzRegressionTests through a link to this file). Each takes
/// arbitrary bytes; throwing is the expected answer to bad input, while a crash, a hang or runaway memory is a bug.
enum FuzzTargets {
    /// The dataset readers: the first byte picks which of the four files the rest replaces in `base`.
    static func dataset(_ input: [UInt8], base: [String: [UInt8]], models: ModelSet) {
        guard let selector = input.first else { return }
        var files = base
        let names = DatasetLoader.requiredFiles
        files[names[Int(selector) % names.count]] = Array(input.dropFirst())
        for skipInvalid in [false, true] {
            let loader = DatasetLoader(files: files, models: models, skipInvalid: skipInvalid)
            if names[Int(selector) % names.count] == "assessments.csv" {
                // Differential: the parallel reader (and its fast path) must read what the sequential one reads.
                var parallel = loader
                parallel.assessmentChunking = AssessmentReader.Chunking(threads: 2, minimumBytes: 0, chunksPerThread: 3)
                precondition(outcome(parallel) == outcome(loader), "the parallel reader read assessments.csv otherwise")
            }
            guard let data = try? loader.load() else { continue }
            _ = try? Grader(models: models).grade(data)
        }
    }

    /// What a load gives, comparable: the assessment table and the rejects, or the error.
    private static func outcome(_ loader: DatasetLoader) -> String {
        do {
            let data = try loader.load()
            let a = data.assessments
            return "\(a.facility) \(a.expert) \(a.indicator) \(a.value.map(\.bitPattern))\n"
                + data.rejects.map { "\($0.file):\($0.line) \($0.reason)" }.joined(separator: "\n")
        } catch {
            return "error \(error)"
        }
    }

    /// The CSV reader and header checks on raw bytes.
    static func csv(_ input: [UInt8]) {
        guard let text = try? TextFile(data: input, displayName: "fuzz.csv") else { return }
        var count = 0
        try? CSVReader(file: "fuzz.csv", text: text).forEachRecord { record in
            if count == 0 { _ = try? CSVHeader(record: record, required: ["id", "name"], optional: ["kind"]) }
            for i in 0..<record.count { _ = record.double(i); _ = record.string(i) }
            count += 1
        }
    }

    /// The YAML model loader, then the model's AHP weights.
    static func model(_ input: [UInt8]) {
        guard let text = try? TextFile(data: input, displayName: "fuzz.yaml"),
              let loaded = try? ModelLoader.decode(text, file: "fuzz.yaml") else { return }
        _ = try? ModelWeights(loaded, method: .eigenvector, riTable: .chinese)
    }

    /// The pairwise-matrix parser, then AHP by both methods.
    static func matrix(_ input: [UInt8]) {
        guard let text = try? TextFile(data: input, displayName: "fuzz.csv"),
              let parsed = try? PairwiseMatrixFile(reader: CSVReader(file: "fuzz.csv", text: text)),
              parsed.matrix.rows <= RandomIndexTable.maximumOrder else { return }
        for method in AHPMethod.allCases { _ = try? analyticHierarchy(parsed.matrix, method: method) }
    }
}
