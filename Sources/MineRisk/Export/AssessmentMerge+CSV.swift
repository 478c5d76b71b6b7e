import Foundation

extension AssessmentMerge {
    /// assessments.csv with the merged values: the file's own text unchanged, the new rows after it in the file's
    /// column order and line ends (the text as read: UTF-8, a GB18030 file converted).
    public func mergedAssessments(_ original: TextFile) throws -> Data {
        var bytes = Array(original.bytes)
        let text = original.string
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
        let columns = headerLine.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r"))
        }
        guard !text.isEmpty, ["facility_id", "expert_id", "indicator_id", "value"].allSatisfy(columns.contains) else {
            throw MineRiskError.invalid(SourceLocation(file: original.displayName, line: 1),
                                        "expected a header naming facility_id, expert_id, indicator_id and value, found \"\(headerLine)\"")
        }
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes += Array(lineEnd.utf8) }
        for row in added {
            let fields = columns.map { column -> String in
                switch column {
                case "facility_id": return row.facilityID
                case "expert_id": return row.expertID
                case "indicator_id": return row.indicatorID
                case "value": return row.value.clean
                default: return ""
                }
            }
            bytes += Array((fields.map(CSVWriter.quote).joined(separator: ",") + lineEnd).utf8)
        }
        return Data(bytes)
    }
}
