import Foundation

/// A result rendered in one `OutputFormat`, ready to be written: bytes (for standard output or a file), or a
/// workbook (for a file only).
public enum RenderedOutput {
    case data(Data)
    case workbook(XLSXWorkbook)

    /// UTF-8 text.
    public static func text(_ text: String) -> RenderedOutput { .data(Data(text.utf8)) }
}

extension GradeReport {
    /// The report in one of the formats `minerisk grade` writes; `colour` marks grades in a terminal table.
    public func rendered(as format: OutputFormat, models: ModelSet, colour: Bool) throws -> RenderedOutput {
        switch format {
        case .table: return .text(table(colour: colour))
        case .csv: return .text(csv())
        case .json: return .data(try encodeJSON(self))
        case .markdown: return .text(markdown())
        case .xlsx: return .workbook(workbook())
        case .html: return .text(HTMLReport(report: self, models: models).render())
        }
    }
}

extension ScenarioResult {
    /// The run in one of the formats `minerisk scenario` writes: a table, JSON or a workbook.
    public func rendered(as format: OutputFormat) throws -> RenderedOutput {
        switch format {
        case .json: return .data(try encodeJSON(self))
        case .xlsx: return .workbook(workbook())
        default: return .text(table())
        }
    }
}
