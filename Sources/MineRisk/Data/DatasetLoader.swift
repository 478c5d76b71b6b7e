import Foundation

/// The expert values of a round, one entry per (facility, expert, indicator), in file order.
public struct AssessmentTable: Sendable {
    public var facility: [Int32] = []
    public var expert: [Int32] = []
    /// Index of the indicator in its facility's model.
    public var indicator: [Int32] = []
    public var value: [Double] = []

    public var count: Int { value.count }
}

/// A round's data: facilities, experts, their assessments and hazard findings.
public struct Dataset: Sendable {
    public var directory: String
    public var facilities: [Facility]
    public var experts: [Expert]
    public var assessments: AssessmentTable
    public var hazards: [HazardFinding]
    /// Rows left out under `--skip-invalid`, each with its reason.
    public var rejects: [RejectedRow]
    /// Facility rows rejected (counted in the summary so that the counts add up to the input).
    public var rejectedFacilities: Int
    /// The SHA-256 of each file read, for provenance, made when first asked for.
    public var digests: FileDigests
    /// What round.yaml says of the round (its date chooses the rules in force), when the folder has one.
    public var round: RoundMetadata?

    /// file name → SHA-256, for provenance (hashing the files the first time it is asked for).
    public var fileHashes: [String: String] {
        get { digests.values }
        set { digests = FileDigests(hashes: newValue) }
    }

    public init(directory: String, facilities: [Facility], experts: [Expert], assessments: AssessmentTable, hazards: [HazardFinding],
                rejects: [RejectedRow], rejectedFacilities: Int, digests: FileDigests, round: RoundMetadata? = nil) {
        self.directory = directory
        self.facilities = facilities
        self.experts = experts
        self.assessments = assessments
        self.hazards = hazards
        self.rejects = rejects
        self.rejectedFacilities = rejectedFacilities
        self.digests = digests
        self.round = round
    }
}

/// Reads a dataset folder (facilities.csv, experts.csv, assessments.csv, hazards.csv) against the models.
public struct DatasetLoader {
    public let directory: String
    public let models: ModelSet
    /// Reject bad rows and go on (`--skip-invalid`) instead of refusing the whole input.
    public let skipInvalid: Bool

    /// In-memory files by name, instead of the folder (fuzzing and tests).
    private let files: [String: [UInt8]]?
    /// How assessments.csv and facilities.csv are shared between threads (tests cut small files too); never changes
    /// the result.
    var assessmentChunking = AssessmentReader.Chunking()
    /// The lists of hidden dangers (`Lists/`): hazards.csv codes are checked against them; nil: the models' veto codes only.
    public var catalog: HazardCatalog?

    public init(directory: String, models: ModelSet, skipInvalid: Bool = false) {
        self.directory = directory
        self.models = models
        self.skipInvalid = skipInvalid
        files = nil
    }

    /// A loader over in-memory file contents keyed by file name; a file left out is missing.
    public init(files: [String: [UInt8]], models: ModelSet, skipInvalid: Bool = false) {
        directory = "(memory)"
        self.models = models
        self.skipInvalid = skipInvalid
        self.files = files
    }

    public static let requiredFiles = ["facilities.csv", "experts.csv", "assessments.csv", "hazards.csv"]

    public func load() throws -> Dataset {
        var isDirectory: ObjCBool = false
        guard files != nil || FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), files != nil || isDirectory.boolValue else {
            throw MineRiskError.missingInput("\(directory): no such data folder (pass --data DIR, or run from the repository root where seeds/liangshan-2017 is)")
        }
        var state = LoadState(skipInvalid: skipInvalid)
        // assessments.csv, by far the largest file, is read from disk, checked and cut into runs of lines on another
        // thread while facilities.csv is parsed on this one; its problems still come after those of the facilities.
        // The files are hashed only if the provenance is asked for (FileDigests).
        let chunking = assessmentChunking
        let assessmentsFile = Background { () throws -> (file: (name: String, reader: CSVReader), cut: LineChunks?) in
            let file = try read("assessments.csv")
            return (file, chunking.cut(file.reader.text)) // cut into runs for the threads here too
        }
        defer { assessmentsFile.wait() }
        let facilitiesFile = try read("facilities.csv", into: &state)
        let (facilities, facilityIndex) = try FacilityReader(models: models, chunking: assessmentChunking)
            .readIndexed(facilitiesFile, state: &state)
        let experts = try ExpertReader().read(try read("experts.csv", into: &state), state: &state)
        let expertIndex = Dictionary(uniqueKeysWithValues: experts.enumerated().map { ($1.id, Int32($0)) })
        let context = RowContext(facilities: facilities, facilityIndex: facilityIndex, expertIndex: expertIndex,
                                 rejectedFacilityIDs: state.rejectedFacilityIDs, models: models, catalog: catalog)
        let (file, cut) = try assessmentsFile.value()
        let assessments = try AssessmentReader(context: context, chunking: assessmentChunking).read(take(file, into: &state), cut: cut, state: &state)
        let hazards = try HazardReader(context: context).read(try read("hazards.csv", into: &state), state: &state)
        let round = try readRound(into: &state)
        try state.problems.throwIfAny()
        // Parsed: a mapped file's pages are given back until (unless) it is hashed.
        for bytes in state.files.values { bytes.releasePages() }
        return Dataset(directory: directory, facilities: facilities, experts: experts, assessments: assessments,
                       hazards: hazards, rejects: state.rejects, rejectedFacilities: state.rejectedRows[facilitiesFile.file] ?? 0,
                       digests: FileDigests(files: state.files), round: round)
    }

    /// round.yaml, when the folder (or the in-memory files) has one.
    private func readRound(into state: inout LoadState) throws -> RoundMetadata? {
        let name = RoundMetadata.fileName
        let bytes: [UInt8]
        if let files {
            guard let found = files[name] else { return nil }
            bytes = found
        } else {
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else { throw MineRiskError.io("\(path): cannot be read") }
            bytes = [UInt8](data)
        }
        let text = try TextFile(data: bytes, displayName: name)
        state.files[name] = text.bytes
        return try RoundMetadata.parse(String(decoding: text.bytes, as: UTF8.self), file: name)
    }

    private func read(_ name: String, into state: inout LoadState) throws -> CSVReader {
        take(try read(name), into: &state)
    }

    /// A file of the round, read and checked.
    private func read(_ name: String) throws -> (name: String, reader: CSVReader) {
        let reader: CSVReader
        if let files {
            guard let bytes = files[name] else { throw MineRiskError.missingInput("\(name): no such file") }
            reader = CSVReader(file: name, text: try TextFile(data: bytes, displayName: name))
        } else {
            reader = try CSVReader(path: (directory as NSString).appendingPathComponent(name))
        }
        return (name, reader)
    }

    /// Records a file read (to be hashed if the provenance is asked for) and gives its reader.
    private func take(_ file: (name: String, reader: CSVReader), into state: inout LoadState) -> CSVReader {
        state.files[file.name] = file.reader.text.bytes
        return file.reader
    }
}

/// What readers share while a dataset loads: problems in strict mode, rejects with `--skip-invalid`.
struct LoadState {
    let skipInvalid: Bool
    var problems = ProblemList()
    var rejects: [RejectedRow] = []
    var rejectedFacilityIDs = Set<String>()
    /// Rows rejected per file (one problem per row); for facilities.csv, with the graded and incomplete
    /// facilities, they add up to the file's rows.
    var rejectedRows: [String: Int] = [:]
    /// The bytes of each file read, by name, for their digests.
    var files: [String: FileBytes] = [:]

    /// Adds what a reader of part of a file collected: its problems (up to the cap), rejects and counts.
    mutating func absorb(_ part: LoadState) {
        problems.add(contentsOf: part.problems)
        rejects.append(contentsOf: part.rejects)
        rejectedRows.merge(part.rejectedRows, uniquingKeysWith: +)
    }

    /// Records a bad row: a problem to report, or (skipping) a reject with its reason.
    mutating func reject(_ problem: InputProblem) {
        rejectedRows[problem.location.file, default: 0] += 1
        if skipInvalid {
            rejects.append(RejectedRow(file: problem.location.file, line: problem.location.line ?? 0, reason: problem.description))
        } else {
            problems.add(problem.location, problem.message)
        }
    }
}

/// Lookups the row readers need.
struct RowContext {
    let facilities: [Facility]
    let facilityIndex: FacilityIDs
    let expertIndex: [String: Int32]
    let rejectedFacilityIDs: Set<String>
    let models: ModelSet
    var catalog: HazardCatalog? = nil
}

/// Reads every record after the header, checking each one's width; `row` returns the problem of a bad row.
func forEachDataRow(
    _ reader: CSVReader, required: [String], optional: [String] = [], state: inout LoadState,
    _ row: (CSVHeader, CSVRecord, inout LoadState) -> InputProblem?
) throws {
    var header: CSVHeader?
    try reader.forEachRecord { record in
        guard let columns = header else {
            header = try CSVHeader(record: record, required: required, optional: optional)
            return
        }
        if let problem = columns.checkWidth(record) ?? row(columns, record, &state) { state.reject(problem) }
    }
    if header == nil {
        throw MineRiskError.invalid(SourceLocation(file: reader.file, line: 1),
                                    "the file is empty: expected a header row \(required.joined(separator: ","))")
    }
}

/// Parses yes/no cells as spreadsheets write them.
func parseBool(_ text: String) -> Bool? {
    switch text { // as written most often, before any lowercasing
    case "yes": return true
    case "no": return false
    default: break
    }
    switch text.lowercased() {
    case "yes", "y", "true", "1", "是": return true
    case "no", "n", "false", "0", "否": return false
    default: return nil
    }
}
