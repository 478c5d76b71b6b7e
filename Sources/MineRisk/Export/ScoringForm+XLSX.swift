import Foundation

extension ScoringForm {
    /// The value cell an expert fills: unlocked, on a light yellow fill.
    static let openStyle = XLSXStyle(fill: "FFF2CC", locked: false)
    /// A value already recorded: shown, locked, on grey.
    static let recordedStyle = XLSXStyle(fill: "E7E9EE")

    /// The workbook: an instructions sheet with the expert's id beside `expert_id`, then one protected sheet per
    /// facility kind where only the value cells without a recorded value can be edited; a level indicator's value
    /// cell is a drop-down of the votes 1–4, a numeric one refuses a number outside the indicator's range.
    public func workbook(created: Date = Date()) -> XLSXWorkbook {
        var workbook = XLSXWorkbook(created: created)
        workbook.append(instructions(created: created))
        for section in sections { workbook.append(sheet(section)) }
        return workbook
    }

    private func instructions(created: Date) -> XLSXSheet {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let label = XLSXStyle.title
        var rows: [[XLSXCell]] = [
            [.text("专家打分表 Scoring form", style: .title)],
            [.text(ScoringFormLayout.expertLabel, style: label), .text(expert.id)],
            [.text("expert 专家", style: label), .text(expert.name)],
            [.text("title 职称", style: label), .text(expert.title)],
            [.text("data 数据", style: label), .text(source)],
            [.text("made 生成日期", style: label), .text(formatter.string(from: created))],
            [.text("form 类型", style: label), .text(onlyMissing ? "missing pairs only 仅缺失项" : "every pair 全部指标")],
            [.text("facilities 设施", style: label), .number(facilityCount)],
            [.text("values to fill 待填", style: label), .number(openLines)],
            [],
        ]
        let notes = [
            "1. 在各设施类型工作表的“value 分值”列填写分值（黄色单元格）。",
            "   Fill the yellow cells of the “value 分值” column of each sheet.",
            "2. 等级类指标从下拉列表选择：1 低风险，2 一般风险，3 较大风险，4 重大风险。",
            "   Level indicators: pick a vote, 1 (low) … 4 (major).",
            "3. 分值须在“valid range 有效范围”之内；灰色单元格为已记录的分值，已锁定。",
            "   Values must lie in the valid range; grey cells are recorded and locked.",
            "4. 不确定的指标请留空，不要填写 0。",
            "   Leave a cell empty when unsure: an empty cell is no answer, 0 is a value.",
            "5. 请勿修改 facility_id、indicator_id 列及本页的 expert_id。",
            "   Do not change the facility_id and indicator_id columns or the expert_id above.",
            "6. 填好后保存为 .xlsx 文件交回。Save as .xlsx and send it back.",
        ]
        rows += notes.map { [.text($0)] }
        return XLSXSheet(name: "说明 Instructions", rows: rows, columnWidths: [22, 36], isProtected: true)
    }

    private func sheet(_ section: Section) -> XLSXSheet {
        var rows: [[XLSXCell]] = []
        var listCells: [Int] = []
        var rangeCells: [[Double]: [Int]] = [:]
        for (i, line) in section.lines.enumerated() {
            let indicator = line.indicator
            let range = indicator.range.map { "\($0[0].clean)–\($0[1].clean)" } ?? ""
            let scale: String
            switch indicator.scale {
            case .level: scale = "level 等级票"
            case .score: scale = "score 评分"
            case .measured: scale = "measured 实测"
            }
            let valid = indicator.scale == .level ? "1–4 (1 低 · 2 一般 · 3 较大 · 4 重大)" : range
            let status = line.recorded != nil ? "recorded 已记录" : line.missing ? "missing 缺失" : "open 待填"
            let value: XLSXCell = line.recorded.map { .number($0, style: Self.recordedStyle) } ?? XLSXCell(.empty, style: Self.openStyle)
            rows.append([
                .text(line.facility.id), .text(line.facility.name), .text(line.facility.county), .text(indicator.id),
                .text(indicator.name.zh), .text(indicator.unit ?? ""), .text(scale), .text(valid), value, .text(status),
            ])
            guard line.recorded == nil else { continue }
            if indicator.scale == .level {
                listCells.append(i + 1)
            } else if let bounds = indicator.range, bounds.count == 2 {
                rangeCells[bounds, default: []].append(i + 1)
            }
        }
        var sheet = XLSXSheet.table(name: "\(section.kind.name.zh) \(section.kind.rawValue)", headers: ScoringFormLayout.headers,
                                    rows: rows, frozenColumns: 1)
        sheet.isProtected = true
        sheet.fitsPageWidth = true
        let column = ScoringFormLayout.valueIndex
        if !listCells.isEmpty {
            sheet.dataValidations.append(XLSXDataValidation(
                rule: .list(["1", "2", "3", "4"]), ranges: Self.ranges(listCells, column: column),
                errorTitle: "等级票 Grade vote", error: "请选择 1、2、3 或 4。Pick 1, 2, 3 or 4.",
                prompt: "1 低 low · 2 一般 general · 3 较大 significant · 4 重大 major"))
        }
        for bounds in rangeCells.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let text = "\(bounds[0].clean)–\(bounds[1].clean)"
            sheet.dataValidations.append(XLSXDataValidation(
                rule: .decimal(minimum: bounds[0], maximum: bounds[1]), ranges: Self.ranges(rangeCells[bounds]!, column: column),
                errorTitle: "超出范围 Out of range", error: "请输入 \(text) 之间的数值。Enter a number from \(bounds[0].clean) to \(bounds[1].clean).",
                prompt: "有效范围 valid range \(text)"))
        }
        return sheet
    }

    /// Space-separated ranges of a column covering the given 0-based rows, runs joined ("I2:I9 I12").
    static func ranges(_ rows: [Int], column: Int) -> String {
        var parts: [String] = []
        var start = rows.first ?? 0
        var previous = start
        for row in rows.dropFirst() + [Int.min] {
            if row == previous + 1 { previous = row; continue }
            let first = xlsxCellReference(row: start, column: column)
            parts.append(start == previous ? first : first + ":" + xlsxCellReference(row: previous, column: column))
            start = row
            previous = row
        }
        return parts.joined(separator: " ")
    }
}
