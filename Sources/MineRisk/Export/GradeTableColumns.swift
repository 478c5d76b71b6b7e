import Foundation

/// A cell of the grade table: text, or a number with the decimals every text format shows it with.
public enum GradeTableCell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double, decimals: Int)

    /// The cell as CSV and Markdown write it.
    public var text: String {
        switch self {
        case .empty: return ""
        case let .text(text): return text
        case let .number(value, decimals): return FixedDecimal.text(value, decimals: decimals)
        }
    }

    /// Appends the cell as a CSV field (quoted only when it has to be, by `CSVWriter.appendField`) in UTF-8.
    func appendCSV(to bytes: inout [UInt8]) {
        switch self {
        case .empty: return
        case let .number(value, decimals): FixedDecimal.append(value, decimals: decimals, to: &bytes)
        case var .text(text): text.withUTF8 { CSVWriter.appendField($0, to: &bytes) }
        }
    }
}

/// The columns of the grade table, shared by CSV, Markdown and spreadsheets (中文 / English).
public enum GradeTableColumns {
    public static let headers: [(zh: String, en: String)] = [
        ("编号", "ID"), ("名称", "Name"), ("类型", "Kind"), ("县市", "County"), ("状态", "Status"),
        ("风险等级", "Grade"), ("Grade", "Grade (EN)"), ("颜色", "Colour"), ("等级字母", "Letter"), ("定级依据", "Graded by"),
        ("风险分值(越高越危险)", "Score (higher = riskier)"),
        ("低", "μ low"), ("一般", "μ general"), ("较大", "μ significant"), ("重大", "μ major"),
        ("排查顺序", "Inspection priority"), ("尾矿库等别", "Pond class"), ("在线监测", "Online monitoring"),
        ("须在线监测", "Monitoring required"), ("安全度", "Safety degree"), ("否决项", "Vetoes"),
        ("标准化达标", "Standardized"), ("专家人数", "Experts"), ("缺项", "Missing indicators"), ("发现问题", "Findings"),
    ]

    /// The header cells as one line each: "编号 ID".
    public static var headerTitles: [String] { headers.map { "\($0.zh) \($0.en)" } }

    /// The columns that show the grade (中文, English, colour): the ones filled with the grade's colour.
    public static let gradeColumns = [5, 6, 7, 8]

    /// One facility as typed cells in header order.
    public static func typedCells(_ r: FacilityResult) -> [GradeTableCell] {
        func text(_ s: String?) -> GradeTableCell { s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
        func flag(_ b: Bool?) -> GradeTableCell { text(b.map { $0 ? "yes" : "no" }) }
        func number(_ x: Double?, _ decimals: Int) -> GradeTableCell { x.map { .number($0, decimals: decimals) } ?? .empty }
        func integer(_ n: Int?) -> GradeTableCell { number(n.map(Double.init), 0) }
        let mu = r.membership ?? []
        func membership(_ k: Int) -> GradeTableCell { mu.count == 4 ? .number(mu[k], decimals: 4) : .empty }
        return [
            text(r.id), text(r.name), text(r.kind.name.zh), text(r.county), text(r.status.zh),
            text(r.grade?.zh), text(r.grade?.rawValue), text(r.grade?.colour), text(r.grade?.letter), text(r.gradedBy?.zh),
            number(r.score, 2),
            membership(0), membership(1), membership(2), membership(3),
            integer(r.inspectionPriority), integer(r.tailingsClass),
            flag(r.onlineMonitoring), flag(r.monitoringRequired), text(r.safetyDegree?.zh),
            text(r.vetoes.map { "\($0.code) \($0.text)" }.joined(separator: "; ")), flag(r.standardized), integer(r.experts),
            text(r.missing.joined(separator: " ")), text(r.findings.joined(separator: "; ")),
        ]
    }

    /// One facility as text cells in header order.
    public static func cells(_ r: FacilityResult) -> [String] {
        typedCells(r).map(\.text)
    }
}
