import Foundation

/// A round's data folder, read and validated, ready to be imported in one transaction.
public struct RoundData: Sendable {
    public var dataset: Dataset
    /// The coal register (coal_mines.csv), when the folder has one.
    public var coalMines: [StoredCoalMine]?
    /// The yearly accident counts (accidents.csv), when the folder has them.
    public var accidents: [AccidentYear]?
    /// Every file read, as it is on disk.
    public var files: [ArchivedFile]
    /// The models the assessments were checked against.
    public var models: [ModelProvenance]
    /// Each kind's indicator ids in model order: the assessment table's indicator indices point into these.
    public var indicatorIDs: [FacilityKind: [String]]
}

/// Reads a round's data folder for import: the dataset files, and coal_mines.csv and accidents.csv when present.
public enum RoundLoader {
    /// Files a round may have besides the dataset's.
    public static let optionalFiles = ["coal_mines.csv", "accidents.csv", RoundMetadata.fileName]

    /// Reads and checks every file; all problems of all files are reported together, and nothing is returned
    /// unless every file is valid.
    public static func load(directory: String, models: ModelSet) throws -> RoundData {
        var problems: [InputProblem] = []
        var dropped = 0
        func collect<T>(_ body: () throws -> T) throws -> T? {
            do {
                return try body()
            } catch let MineRiskError.invalidInput(found, truncated) {
                problems += found
                dropped += truncated
                return nil
            }
        }
        let dataset = try collect { try DatasetLoader(directory: directory, models: models).load() }
        let present = optionalFiles.filter { FileManager.default.fileExists(atPath: path(directory, $0)) }
        var state = LoadState(skipInvalid: false)
        var coalMines: [StoredCoalMine]?
        var accidents: [AccidentYear]?
        if present.contains("coal_mines.csv") {
            coalMines = try collect {
                try CoalRegisterReader.read(path: path(directory, "coal_mines.csv")).mines.map {
                    StoredCoalMine(id: $0.id, name: $0.name, county: $0.county, capacityTpa: $0.capacityTpa,
                                   status: $0.status.rawValue, closedYear: $0.closedYear, reason: $0.reason)
                }
            }
        }
        if present.contains("accidents.csv") {
            accidents = try collect { try AccidentReader.read(try CSVReader(path: path(directory, "accidents.csv")), state: &state) }
        }
        problems += state.problems.problems
        dropped += state.problems.dropped
        guard problems.isEmpty, let dataset else { throw MineRiskError.invalidInput(problems, truncated: dropped) }
        let files = try (DatasetLoader.requiredFiles + present).map { name -> ArchivedFile in
            guard let data = FileManager.default.contents(atPath: path(directory, name)) else {
                throw MineRiskError.io("\(path(directory, name)): could not be read again for the archive")
            }
            let file = ArchivedFile(name: name, content: [UInt8](data))
            // The dataset records the hash of the text it parsed; a different one means the file changed meanwhile.
            if let parsed = dataset.fileHashes[name],
               parsed != sha256Hex(try TextFile(data: file.content, displayName: name).bytes) {
                throw MineRiskError.io("\(path(directory, name)): changed while it was being read; import again")
            }
            return file
        }
        let provenance = models.provenance()
        let indicatorIDs = models.models.mapValues { $0.model.indicators.map(\.id) }
        return RoundData(dataset: dataset, coalMines: coalMines, accidents: accidents, files: files, models: provenance,
                         indicatorIDs: indicatorIDs)
    }

    private static func path(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
