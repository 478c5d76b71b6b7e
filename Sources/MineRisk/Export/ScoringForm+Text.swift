extension ScoringForm {
    /// What `forms make` says it wrote: a row per workbook (its expert, path, facilities, values to fill and
    /// values recorded), the totals, and the experts asked who had nothing to fill.
    public static func summary(_ written: [(form: ScoringForm, path: String)], without: [String]) -> String {
        var table = TextTable(headers: ["Expert 专家", "Workbook 表", "Facilities 设施", "To fill 待填", "Recorded 已记录"])
        table.rightAligned = [2, 3, 4]
        for (form, path) in written {
            table.add(["\(form.expert.id) \(form.expert.name)", path, String(form.facilityCount), String(form.openLines),
                       String(form.lineCount - form.openLines)])
        }
        return table.render() + "\(written.count) workbook\(written.count == 1 ? "" : "s"), \(written.reduce(0) { $0 + $1.form.openLines }) values to fill"
            + (without.isEmpty ? "" : "; nothing to fill for \(without.joined(separator: ", "))") + "\n"
    }
}
