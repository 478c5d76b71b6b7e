extension AssessmentMerge {
    /// What a read of filled forms did: per workbook, the values and empty cells; then the values added, the
    /// conflicts with their cells, and what each facility still misses.
    public func text(forms: [FilledForm], keptRecorded: Bool) -> String {
        var table = TextTable(headers: ["Workbook 表", "Expert 专家", "Values 分值", "Empty 空"])
        table.rightAligned = [2, 3]
        for form in forms { table.add([form.file, form.expertID, String(form.answers.count), String(form.emptyCells)]) }
        var out = table.render()
        out += "\nAdded 新增: \(added.count)   unchanged 未变: \(unchanged)   conflicts 冲突: \(conflicts.count)\n"
        if !conflicts.isEmpty {
            out += keptRecorded ? "Conflicts, not written (the recorded values are kept):\n"
                                : "Conflicts: nothing was written; correct the forms, or pass --keep-recorded to keep the recorded values:\n"
            for conflict in conflicts { out += "  " + conflict.description + "\n" }
        }
        out += "Complete facilities 完整: \(completeBefore) before, \(completeAfter) after\n"
        if stillMissing.isEmpty {
            out += "Every facility has a value for every indicator: all can be graded.\n"
        } else {
            out += "Still missing 仍缺 (\(stillMissing.count) facilities):\n"
            for (facility, indicators) in stillMissing { out += "  \(facility): \(indicators.joined(separator: ", "))\n" }
        }
        return out
    }
}

extension FormConflict: CustomStringConvertible {
    /// "E01 UG003 ug_groundwater: recorded 2, form.xlsx: sheet "…", cell I7 gives 3".
    public var description: String {
        var text = "\(expertID) \(facilityID) \(indicatorID):"
        if let recorded { text += " recorded \(recorded.clean)," }
        text += answers.map { " \($0.location) gives \($0.value.clean)" }.joined(separator: ";")
        return text
    }
}
