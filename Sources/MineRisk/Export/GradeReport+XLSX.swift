import Foundation

extension GradeReport {
    /// The workbook a bureau hands on: the grade sheet, the summary, the criterion layer and the AHP consistency.
    public func workbook(created: Date = Date()) -> XLSXWorkbook {
        XLSXWorkbook(sheets: [gradeSheet(), summarySheet(), criteriaSheet(), consistencySheet()], created: created)
    }

    /// Every facility, one row each, with the bilingual header of the CSV; the grade cells filled with its colour.
    /// The rows are made as the sheet is written.
    public func gradeSheet() -> XLSXSheet {
        let facilities = self.facilities, order = orderedIndices
        let source = XLSXRowSource(count: order.count, columns: GradeTableColumns.headerTitles.count, styles: XLSXStyle.gradeTableStyles) { k in
            let result = facilities[order[k]]
            let fill = result.grade.map(XLSXStyle.grade)
            return GradeTableColumns.typedCells(result).enumerated().map { column, cell in
                let style = GradeTableColumns.gradeColumns.contains(column) ? fill ?? .plain : .plain
                return xlsxCell(cell, style: style)
            }
        }
        return .table(name: "风险分级 Grades", headers: GradeTableColumns.headerTitles, source: source, frozenColumns: 2)
    }

    /// Totals: headline counts, grades by county and by kind, pond classes, monitoring findings, provenance.
    public func summarySheet() -> XLSXSheet {
        var sheet = XLSXSheet(name: "汇总 Summary")
        func title(_ text: String) {
            if !sheet.rows.isEmpty { sheet.append([]) }
            sheet.append([.text(text, style: .title)])
        }
        func header(_ titles: [String]) { sheet.append(titles.map { .text($0, style: .header) }) }
        let s = summary

        title("风险分级汇总 Grade summary")
        for (label, value) in [("专家会诊 Assessed", s.facilities), ("完成分级 Graded", s.graded), ("评估不完整 Incomplete", s.incomplete),
                               ("拒收 Rejected", s.rejected), ("一票否决 Vetoed", s.vetoed),
                               ("非煤矿山和尾矿库 Non-coal mines and ponds", s.nonCoalFacilities),
                               ("其中标准化达标 of which standardized", s.nonCoalStandardized)] {
            sheet.append([.text(label), .number(value)])
        }

        title("按等级 By grade")
        header(["等级 Grade", "颜色 Colour", "数量 Count"])
        for grade in RiskGrade.allCases.reversed() {
            let style = XLSXStyle.grade(grade)
            sheet.append([.text(grade.bilingual, style: style), .text(grade.colour), .number(s.byGrade[grade.rawValue] ?? 0)])
        }

        let groupHeader = ["评估 Assessed", "已分级 Graded"] + RiskGrade.allCases.reversed().map(\.bilingual) + ["不完整 Incomplete"]
        func groupRow(_ label: String, _ count: GroupCount) -> [XLSXCell] {
            [.text(label), .number(count.facilities), .number(count.graded)]
                + RiskGrade.allCases.reversed().map { .number(count.byGrade[$0.rawValue] ?? 0) } + [.number(count.incomplete)]
        }
        title("按县市 By county")
        header(["县市 County"] + groupHeader)
        for (county, count) in s.byCounty.sorted(by: { $0.key < $1.key }) { sheet.append(groupRow(county, count)) }
        title("按类型 By kind")
        header(["类型 Kind"] + groupHeader)
        for kind in FacilityKind.allCases {
            guard let count = s.byKind[kind.rawValue] else { continue }
            sheet.append(groupRow("\(kind.name.zh) \(kind.name.en)", count))
        }

        title("尾矿库等别与在线监测 Tailings ponds by class and online monitoring")
        header(["等别 Class", "数量 Ponds", "须在线监测 Monitoring required", "已在线监测 Monitored", "未在线监测 Not monitored"])
        for row in pondClassRows {
            sheet.append([.number(row.pondClass), .number(row.ponds), .text(row.required ? "yes" : "no"),
                          .number(row.monitored), .number(row.ponds - row.monitored)])
        }
        if !s.ponds.bySafetyDegree.isEmpty {
            title("尾矿库安全度 Safety degree (AQ 2006-2005 §8)")
            header(["安全度 Safety degree", "数量 Ponds"])
            for degree in SafetyDegree.allCases {
                guard let n = s.ponds.bySafetyDegree[degree.rawValue] else { continue }
                sheet.append([.text("\(degree.zh) \(degree.rawValue)"), .number(n)])
            }
        }

        title("监测与合规发现 Monitoring and compliance findings")
        header(["编号 ID", "名称 Name", "县市 County", "发现 Finding"])
        let findings = orderedFacilities.flatMap { r in r.findings.map { (r, $0) } }
        if findings.isEmpty { sheet.append([.text("(none)")]) }
        for (r, finding) in findings { sheet.append([.text(r.id), .text(r.name), .text(r.county), .text(finding)]) }

        title("来源 Provenance")
        let p = provenance
        for (label, value) in [("引擎 Engine", p.engine),
                               ("模型 Models", p.models.map { "\($0.kind.rawValue) v\($0.modelVersion) (\($0.file), sha256 \($0.sha256.prefix(12)))" }.joined(separator: "; ")),
                               ("随机一致性指标 RI table", p.riTable.rawValue), ("权重 Weighting", p.weighting),
                               ("模糊算子 Operator", p.fuzzyOperator), ("定级规则 Grade rule", p.gradeRule.rawValue),
                               ("规则日期 Rules as of", "\(p.asOf.date) (\(p.asOf.from))"),
                               ("数据 Data", p.dataDirectory)] {
            sheet.append([.text(label), .text(value)])
        }
        for rule in p.rules { sheet.append([.text("适用规则 Rule \(rule.id)"), .text("\(rule.text): \(rule.source)")]) }
        return sheet
    }

    /// The online-monitoring duty of the round's date.
    public var monitoringDuty: MonitoringDuty { MonitoringDuty.inForce(on: provenance.asOf.date) }

    /// Ponds by class (1–5), with whether the class must be monitored online and how many are.
    public var pondClassRows: [PondClassCount] {
        let ponds = facilities.filter { $0.tailingsClass != nil }
        return Set(ponds.compactMap(\.tailingsClass)).sorted().map { pondClass in
            let members = ponds.filter { $0.tailingsClass == pondClass }
            return PondClassCount(pondClass: pondClass, ponds: members.count,
                                  required: monitoringDuty.requires(pondClass: pondClass),
                                  monitored: members.filter { $0.onlineMonitoring == true }.count)
        }
    }
}

/// The tailings ponds of one class and how many of them are monitored online.
public struct PondClassCount: Sendable, Equatable {
    public var pondClass: Int
    public var ponds: Int
    /// Whether the class must be monitored online under the duty of the round's date.
    public var required: Bool
    public var monitored: Int
}

extension XLSXStyle {
    /// A grade's cell: bold, in the grade's colours.
    static func grade(_ grade: RiskGrade) -> XLSXStyle { XLSXStyle(bold: true, fill: grade.rgb, fontColour: grade.ink) }

    /// The number format showing `decimals` decimals: "0", "0.0", "0.00", ….
    static func decimalsFormat(_ decimals: Int) -> String { decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }

    /// The styles of the grade tables' cells, numbered in this order: plain or in a grade's colours, each with no
    /// number format or 0 to 6 decimals.
    static let gradeTableStyles: [XLSXStyle] = ([XLSXStyle.plain] + RiskGrade.allCases.map(XLSXStyle.grade)).flatMap { base in
        ([nil] + (0...6).map(decimalsFormat)).map { format -> XLSXStyle in var style = base; style.numberFormat = format; return style }
    }
}

/// A grade-table cell as a spreadsheet cell: numbers stay numbers, shown with the same decimals as the CSV.
func xlsxCell(_ cell: GradeTableCell, style: XLSXStyle) -> XLSXCell {
    switch cell {
    case .empty: return XLSXCell(.empty, style: style)
    case let .text(text): return .text(text, style: style)
    case let .number(value, decimals):
        var style = style
        style.numberFormat = XLSXStyle.decimalsFormat(decimals)
        return .number(value, style: style)
    }
}
