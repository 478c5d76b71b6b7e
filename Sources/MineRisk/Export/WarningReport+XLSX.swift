extension WarningReport {
    /// A workbook: ponds (levels filled in their colour), points with the evidence, the warning log, findings.
    public func workbook() -> XLSXWorkbook {
        func levelCell(_ level: WarningLevel) -> XLSXCell {
            guard let grade = level.sameColourGrade else { return .text(level.bilingual) }
            return .text(level.bilingual, style: .grade(grade))
        }
        var workbook = XLSXWorkbook()
        workbook.append(.table(name: "Ponds", headers: ["尾矿库 pond", "名称 name", "县 county", "等别 class", "预警 level", "预警项 items", "发现 findings"],
            rows: ponds.map { pond in
                [.text(pond.id), .text(pond.name), .text(pond.county), .number(pond.pondClass), levelCell(pond.level),
                 .text(pond.items.filter { $0.level != .none }.map { "\($0.item.rawValue) \($0.level)" }.joined(separator: "; ")),
                 .text(pond.findings.joined(separator: "; "))]
            }, frozenColumns: 1))
        var pointRows: [[XLSXCell]] = []
        for pond in ponds {
            for item in pond.items {
                for point in item.points {
                    pointRows.append([.text(pond.id), .text(item.item.rawValue), levelCell(item.level), .text(point.id), levelCell(point.level),
                                      .number(point.value), .text(point.basis), .number(point.threshold), .text(point.time ?? ""),
                                      .text(point.status), .text(point.thresholds), .text(point.source)])
                }
            }
        }
        workbook.append(.table(name: "Points", headers: ["尾矿库 pond", "监测项 item", "监测项预警 item level", "测点 point", "测点预警 point level",
                                                         "值 value", "依据 basis", "阈值 threshold", "时间 time", "状态 status", "阈值表 thresholds", "来源 source"],
                               rows: pointRows, frozenColumns: 1))
        workbook.append(.table(name: "Warnings", headers: ["尾矿库 pond", "监测项 item", "最高 peak level", "开始 start", "峰值 peak", "结束 end",
                                                           "测点 point", "值 value", "阈值 threshold"],
            rows: warnings.map { span in
                [.text(span.pond), .text(span.item.rawValue), levelCell(span.level), .text(span.start), .text(span.peak), .text(span.end ?? "open"),
                 .text(span.peakPoint), .number(span.peakValue), .number(span.peakThreshold)]
            }))
        var summaryRows: [[XLSXCell]] = [[.text("as of"), .text(asOf)]]
        for level in WarningLevel.allCases.reversed() { summaryRows.append([levelCell(level), .number(summary.byLevel[level.name] ?? 0)]) }
        workbook.append(.table(name: "Summary", headers: ["预警 level", "尾矿库数 ponds"], rows: summaryRows))
        return workbook
    }
}
