import Foundation

extension FacilityResult {
    /// Each veto with its hazard text and where it was found, for the text formats.
    var vetoNotes: [String] { vetoes.map { "veto \($0.code) \($0.text) [\($0.source)]" } }
}

extension GradeReport {
    /// Facilities in the order a bureau reads them: graded worst first, then incomplete; by county and id.
    public var orderedFacilities: [FacilityResult] {
        orderedIndices.map { facilities[$0] }
    }

    /// The indices of `facilities` in the order of `orderedFacilities`. The sort reads flat keys (grade, kind,
    /// priority) and the ids, never copying a facility, so that it costs little at a million facilities.
    public var orderedIndices: [Int] {
        let kinds = FacilityKind.allCases
        // The keys read from each result in place, not from a copy of it.
        let (keys, ids) = facilities.withUnsafeBufferPointer { r in
            (r.indices.map { k in
                (grade: r[k].grade?.index ?? -1, kind: kinds.firstIndex(of: r[k].kind)!, priority: r[k].inspectionPriority ?? 0)
            }, r.indices.map { r[$0].id })
        }
        return keys.withUnsafeBufferPointer { keys in
            ids.withUnsafeBufferPointer { ids in
                keys.indices.sorted { i, j in
                    let a = keys[i], b = keys[j]
                    if a.grade != b.grade { return a.grade > b.grade }
                    if a.kind != b.kind { return a.kind < b.kind }
                    if a.priority != b.priority { return a.priority < b.priority }
                    return ids[i] < ids[j]
                }
            }
        }
    }

    /// CSV of every facility with a bilingual header row (UTF-8 with BOM for Excel).
    public func csv(byteOrderMark: Bool = true) -> String {
        var writer = CSVWriter(byteOrderMark: byteOrderMark)
        writer.row(GradeTableColumns.headerTitles)
        for result in orderedFacilities { writer.row(GradeTableColumns.cells(result)) }
        return writer.text
    }

    /// The terminal view: graded facilities, incomplete ones with what is missing, then the summary.
    public func table(colour: Bool) -> String {
        var out = ""
        var graded = TextTable(headers: ["ID", "名称 Name", "类型 Kind", "县市 County", "等级 Grade", "分值 Score↑risk", "排查 Priority", "备注 Notes"])
        graded.rightAligned = [5, 6]
        for r in orderedFacilities where r.status == .graded {
            let grade = r.grade!
            var notes = r.vetoNotes
            if r.gradedBy == .safetyDegree, let degree = r.safetyDegree { notes.append("safety degree \(degree.zh) → major (AQ 2006-2005 §8)") }
            if let c = r.tailingsClass { notes.append("class \(c)") }
            notes += r.findings
            if r.status == .graded, !r.missing.isEmpty { notes.append("missing \(r.missing.count) indicators") }
            graded.rowColours[graded.rows.count] = (4, ansiCode(for: grade))
            graded.add([r.id, r.name, r.kind.name.zh, r.county, "\(grade.zh) \(grade.letter) \(grade.english)",
                        r.score.map { String(format: "%.1f", $0) } ?? "—", r.inspectionPriority.map(String.init) ?? "", notes.joined(separator: "; ")])
        }
        out += "Graded facilities 已分级 (\(summary.graded))\n" + graded.render(colour: colour)
        let incomplete = orderedFacilities.filter { $0.status == .incomplete }
        if !incomplete.isEmpty {
            var table = TextTable(headers: ["ID", "名称 Name", "类型 Kind", "县市 County", "缺项 Missing", "备注 Notes"])
            for r in incomplete {
                let missing = r.missing.count > 3 ? r.missing.prefix(3).joined(separator: ", ") + " … (\(r.missing.count))" : r.missing.joined(separator: ", ")
                let notes = r.vetoNotes + r.findings
                table.add([r.id, r.name, r.kind.name.zh, r.county, missing, notes.joined(separator: "; ")])
            }
            out += "\nIncomplete assessments 评估不完整 (\(summary.incomplete)): not graded\n" + table.render(colour: colour)
        }
        out += "\n" + summaryTable(colour: colour)
        return out
    }

    /// The summary by grade and by county, and the headline counts.
    public func summaryTable(colour: Bool) -> String {
        var out = "Summary 汇总\n"
        var byGrade = TextTable(headers: ["等级 Grade", "颜色 Colour", "数量 Count"])
        byGrade.rightAligned = [2]
        for grade in RiskGrade.allCases.reversed() {
            byGrade.rowColours[byGrade.rows.count] = (0, ansiCode(for: grade))
            byGrade.add(["\(grade.zh) \(grade.english)", grade.colour, String(summary.byGrade[grade.rawValue] ?? 0)])
        }
        out += byGrade.render(colour: colour)
        var byCounty = TextTable(headers: ["县市 County", "评估 Assessed", "已分级 Graded", "重大 Major", "较大 Signif.", "一般 General", "低 Low"])
        byCounty.rightAligned = [1, 2, 3, 4, 5, 6]
        for (county, count) in summary.byCounty.sorted(by: { $0.key < $1.key }) {
            byCounty.add([county, String(count.facilities), String(count.graded)] +
                         RiskGrade.allCases.reversed().map { String(count.byGrade[$0.rawValue] ?? 0) })
        }
        out += "\n" + byCounty.render(colour: colour)
        let s = summary
        out += """

        Assessed 专家会诊: \(s.facilities)   graded 完成分级: \(s.graded)   incomplete 不完整: \(s.incomplete)   rejected 拒收: \(s.rejected)   vetoed 否决: \(s.vetoed)
        \(s.incomplete > 0 ? "Scoring forms for the incomplete ones 补充打分表: minerisk forms make --all --only-missing --output forms/ (add --data DIR for another round)\n" : "")Non-coal mines and ponds 非煤矿山和尾矿库: \(s.nonCoalFacilities), standardized 标准化达标: \(s.nonCoalStandardized)
        Tailings ponds 尾矿库: \(s.ponds.ponds) (by class \(s.ponds.byClass.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))), online monitoring required for \(s.ponds.monitoringRequired) (\(monitoringDuty.text)), without it \(s.ponds.missingMonitoring)
        Rules as of \(provenance.asOf.date) (\(provenance.asOf.from)): \(provenance.rules.map { "\($0.id) \($0.text)" }.joined(separator: "; "))
        Models: \(provenance.models.map { "\($0.kind.rawValue) v\($0.modelVersion)" }.joined(separator: ", ")); AHP \(provenance.ahpMethod.rawValue), RI table \(provenance.riTable.rawValue), CR_total \(provenance.models.compactMap { m in m.consistency.map { "\(m.kind.rawValue) \(String(format: "%.4f", $0.crTotal))" } }.joined(separator: ", ")); weights \(provenance.weighting); operator \(provenance.fuzzyOperator)

        """
        return out
    }

    /// A Markdown grade table and summary, for pasting into reports.
    public func markdown() -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "# 风险分级 Risk grades\n\n"
        out += "| 编号 ID | 名称 Name | 类型 Kind | 县市 County | 等级 Grade | 分值 Score (higher = riskier) | 尾矿库等别 Pond class | 备注 Notes |\n"
        out += "|---|---|---|---|---|---:|---:|---|\n"
        for r in orderedFacilities {
            let grade = r.grade.map { "\($0.zh) \($0.letter) \($0.english)" } ?? "— (incomplete)"
            var notes = r.vetoNotes + r.findings
            if r.status == .incomplete { notes.append("missing: " + r.missing.joined(separator: ", ")) }
            out += "| \(esc(r.id)) | \(esc(r.name)) | \(r.kind.name.zh) | \(esc(r.county)) | \(grade) | \(r.score.map { String(format: "%.1f", $0) } ?? "") | \(r.tailingsClass.map(String.init) ?? "") | \(esc(notes.joined(separator: "; "))) |\n"
        }
        out += "\n## 汇总 Summary\n\n| 等级 Grade | 数量 Count |\n|---|---:|\n"
        for grade in RiskGrade.allCases.reversed() { out += "| \(grade.zh) \(grade.english) | \(summary.byGrade[grade.rawValue] ?? 0) |\n" }
        out += "\nAssessed \(summary.facilities), graded \(summary.graded), incomplete \(summary.incomplete), rejected \(summary.rejected).\n"
        out += "\nRI table `\(provenance.riTable.rawValue)`, weights `\(provenance.weighting)`, operator `\(provenance.fuzzyOperator)`.\n"
        return out
    }
}
