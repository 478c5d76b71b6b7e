import Foundation

// The registry of output formats: each result a command writes, the formats it is written in (the default
// first) and the renderer of each. A command resolves `--format`/`--output` against its result's `formats`
// and writes what `rendered(as:colour:)` gives; a format a result is not written in is a usage error.

extension GradeOutput: RenderableOutput {
    public static let formats: [OutputFormat] = [.table, .csv, .json, .markdown, .xlsx, .html]

    public func rendered(as format: OutputFormat, colour: Bool) throws -> RenderedOutput {
        switch format {
        case .table: return .text(report.table(colour: colour))
        // CSV and JSON are streamed a block of facilities at a time, byte for byte what csv() and encodeJSON give.
        case .csv: return .stream { try report.writeCSV(to: $0) }
        case .json: return .stream { try report.writeJSON(to: $0) }
        case .markdown: return .text(report.markdown())
        case .xlsx: return .workbook(workbook())
        case .html: return .text(html())
        }
    }
}

extension ScenarioResult: RenderableOutput {
    public static let formats: [OutputFormat] = [.table, .json, .xlsx]

    public func rendered(as format: OutputFormat, colour: Bool) throws -> RenderedOutput {
        switch format {
        case .table: return .text(table())
        case .json: return try .json(self)
        case .xlsx: return .workbook(workbook())
        default: throw Self.unsupported(format)
        }
    }
}

extension EarlyWarnings: RenderableOutput {
    public static let formats: [OutputFormat] = [.table, .csv, .json, .xlsx]

    public func rendered(as format: OutputFormat, colour: Bool) throws -> RenderedOutput {
        switch format {
        case .table: return .text(table(colour: colour))
        case .csv: return .text(monitoring.csv())
        case .json: return try .json(self)
        case .xlsx: return .workbook(workbook())
        default: throw Self.unsupported(format)
        }
    }
}

extension HazardReport: RenderableOutput {
    public static let formats: [OutputFormat] = [.table, .json, .csv, .xlsx]

    public func rendered(as format: OutputFormat, colour: Bool) throws -> RenderedOutput {
        switch format {
        case .table: return .text(table())
        case .json: return try .json(self)
        case .csv: return .text(csv())
        case .xlsx: return .workbook(HazardText.workbook(hazards, summary: summary, asOf: asOf))
        default: throw Self.unsupported(format)
        }
    }
}

/// A result written as a text table or JSON: the Monte Carlo, a comparison of scenarios, the store's listings, `doctor`.
public protocol TableOrJSONOutput: RenderableOutput, Encodable {
    /// The terminal table.
    func table(colour: Bool) -> String
}

extension TableOrJSONOutput {
    public static var formats: [OutputFormat] { [.table, .json] }

    public func rendered(as format: OutputFormat, colour: Bool) throws -> RenderedOutput {
        switch format {
        case .table: return .text(table(colour: colour))
        case .json: return try .json(self)
        default: throw Self.unsupported(format)
        }
    }
}

extension RoundList: TableOrJSONOutput {
    public func table(colour: Bool) -> String { StoreText.rounds(rounds) }
}

extension UserList: TableOrJSONOutput {
    public func table(colour: Bool) -> String { StoreText.users(users) }
}

extension FacilityHistory: TableOrJSONOutput {
    public func table(colour: Bool) -> String { StoreText.history(self, colour: colour) }
}

extension RoundDiff: TableOrJSONOutput {
    public func table(colour: Bool) -> String { StoreText.diff(self, colour: colour) }
}

extension ImportSummary: TableOrJSONOutput {
    public func table(colour: Bool) -> String { StoreText.importSummary(self) }
}

extension ExportedRound: TableOrJSONOutput {
    public func table(colour: Bool) -> String { StoreText.exportedFiles(files, round: round, store: store) }
}

extension SimulationReport: TableOrJSONOutput {
    public func table(colour: Bool) -> String { table() }
}

extension ScenarioComparison: TableOrJSONOutput {
    public func table(colour: Bool) -> String { table() }
}

extension DoctorReport: TableOrJSONOutput {
    public func table(colour: Bool) -> String { text }
}

/// A result written as a text table, JSON or CSV: weights, a ranking, a saved warning run.
public protocol TableJSONOrCSVOutput: TableOrJSONOutput {
    /// The CSV.
    func csv() -> String
}

extension TableJSONOrCSVOutput {
    public static var formats: [OutputFormat] { [.table, .json, .csv] }

    public func rendered(as format: OutputFormat, colour: Bool) throws -> RenderedOutput {
        switch format {
        case .table: return .text(table(colour: colour))
        case .json: return try .json(self)
        case .csv: return .text(csv())
        default: throw Self.unsupported(format)
        }
    }
}

extension AHPOutput: TableJSONOrCSVOutput {
    public func table(colour: Bool) -> String { WeightsText.ahp(result, labels: labels) }
}

extension WeightsOutput: TableJSONOrCSVOutput {
    public func table(colour: Bool) -> String { WeightsText.weights(weights, criteria: criteria) }
}

extension TOPSISOutput: TableJSONOrCSVOutput {
    public func table(colour: Bool) -> String { WeightsText.topsis(result, alternatives: alternatives) }
}

extension StoredWarningRun: TableJSONOrCSVOutput {}
