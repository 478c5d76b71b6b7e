import Foundation

/// Terminal tables of what the store holds: rounds, a facility's history, the changes between two rounds.
public enum StoreText {
    /// The rounds with their counts and the newest saved grading.
    public static func rounds(_ rounds: [RoundInfo]) -> String {
        guard !rounds.isEmpty else { return "No round in the store yet: import one with minerisk db import --round ID.\n" }
        var table = TextTable(headers: ["轮次 Round", "导入 Imported", "设施 Facilities", "专家 Experts", "评估 Assessments",
                                        "隐患 Hazards", "煤矿 Coal mines", "事故年 Accident years", "分级 Runs", "最新分级 Latest run: major/signif./general/low, incomplete", "预警 Warning runs"])
        table.rightAligned = [2, 3, 4, 5, 6, 7, 8, 10]
        for r in rounds {
            let latest = r.latestRun.map { run in
                let g = run.byGrade
                return "run \(run.id): \(g["major"] ?? 0)/\(g["significant"] ?? 0)/\(g["general"] ?? 0)/\(g["low"] ?? 0), \(run.incomplete)"
            } ?? "not graded"
            table.add([r.id, r.importedAt, String(r.facilities), String(r.experts), String(r.assessments), String(r.hazards),
                       String(r.coalMines), String(r.accidentYears), String(r.gradeRuns), latest, String(r.warningRuns)])
        }
        return table.render()
    }

    /// A facility's grade and state in each round.
    public static func history(_ history: FacilityHistory, colour: Bool = false) -> String {
        var table = TextTable(headers: ["轮次 Round", "名称 Name", "类型 Kind", "县市 County", "状态 Status", "达标 Std.",
                                        "等级 Grade", "分值 Score", "否决 Vetoes", "分级 Run"])
        table.rightAligned = [7, 9]
        for (i, e) in history.entries.enumerated() {
            let grade: String
            switch (e.run, e.result) {
            case (nil, _): grade = "not graded"
            case (_, nil): grade = "not in run"
            case let (_, result?): grade = result.grade.map { "\($0.zh) \($0.english)" } ?? "incomplete"
            }
            if colour, let g = e.result?.grade { table.rowColours[i] = (6, ansiCode(for: g)) }
            table.add([e.round, e.name, e.kind.name.zh, e.county, e.status.rawValue, e.standardized ? "yes" : "no", grade,
                       e.result?.score.map { String(format: "%.1f", $0) } ?? "", e.result?.vetoes.joined(separator: ",") ?? "",
                       e.run.map(String.init) ?? ""])
        }
        var out = "Facility \(history.facility)\n" + table.render()
        if !history.absentFrom.isEmpty { out += "Not in round\(history.absentFrom.count > 1 ? "s" : "") \(history.absentFrom.joined(separator: ", "))\n" }
        return out
    }

    /// The facilities whose grade went up or down, the new and the closed ones, then the counts.
    public static func diff(_ diff: RoundDiff, colour: Bool = false) -> String {
        var out = "Round \(diff.from) (run \(diff.fromRun.id)) → round \(diff.to) (run \(diff.toRun.id))\n"
        let sections: [(GradeChange, String)] = [
            (.up, "Grade up 风险上升"), (.down, "Grade down 风险下降"), (.new, "New 新增"),
            (.closed, "Closed or no longer assessed 关闭或不再评估"),
        ]
        func describe(_ grade: StoredGrade?) -> String {
            guard let grade else { return "—" }
            guard let g = grade.grade else { return "incomplete" }
            return "\(g.zh) \(g.english)" + (grade.score.map { String(format: " %.1f", $0) } ?? "")
        }
        for (change, title) in sections {
            let members = diff.changes.filter { $0.change == change }
            guard !members.isEmpty else { continue }
            var table = TextTable(headers: ["ID", "名称 Name", "类型 Kind", "县市 County", "\(diff.from)", "\(diff.to)"])
            for (i, c) in members.enumerated() {
                if colour, let g = c.to?.grade ?? c.from?.grade { table.rowColours[i] = (c.to == nil ? 4 : 5, ansiCode(for: g)) }
                table.add([c.id, c.name, FacilityKind(rawValue: c.kind)?.name.zh ?? c.kind, c.county, describe(c.from), describe(c.to)])
            }
            out += "\n\(title) (\(members.count))\n" + table.render()
        }
        let counts = GradeChange.allCases.map { "\($0.rawValue) \(diff.counts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
        out += "\nCounts: \(counts)\n"
        if let n = diff.counts[GradeChange.incomplete.rawValue], n > 0 {
            out += "(incomplete: in both rounds but not graded in one or both; --format json lists every facility)\n"
        }
        if !diff.methodDifferences.isEmpty {
            out += "Note: the two runs were graded differently: \(diff.methodDifferences.joined(separator: "; "))\n"
        }
        return out
    }

    /// The files an import stored, or an export wrote.
    /// The files `db export` wrote, with their sizes and hashes.
    public static func exportedFiles(_ files: [ExportedFile], round: String, store: String) -> String {
        var table = TextTable(headers: ["File", "Bytes", "SHA-256"])
        table.rightAligned = [1]
        for file in files { table.add([file.path, String(file.bytes), file.sha256]) }
        return "Exported round \(round) from \(store)\n" + table.render()
    }

    public static func importSummary(_ s: ImportSummary) -> String {
        var lines = ["\(s.replaced ? "Replaced" : "Imported") round \(s.round) into \(s.store): \(s.facilities) facilities, \(s.experts) experts, \(s.assessments) assessments, \(s.hazards) hazards"]
        if let n = s.coalMines { lines.append("coal register: \(n) mines") }
        if let n = s.accidentYears { lines.append("accident record: \(n) years") }
        if let points = s.monitoringPoints, let readings = s.readings { lines.append("monitoring: \(points) points, \(readings) readings") }
        if s.removedGradeRuns > 0 { lines.append("removed \(s.removedGradeRuns) saved grade run(s) of the replaced round: they graded the old data") }
        lines.append("files archived: \(s.files.joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The users of a server store, their roles and counties.
    public static func users(_ users: [StoreUser]) -> String {
        guard !users.isEmpty else { return "No minerisk user yet: add one with minerisk db users add NAME --role county --county COUNTY.\n" }
        var table = TextTable(headers: ["用户 User", "角色 Role", "可写县市 Counties written"])
        for u in users { table.add([u.name, u.role.rawValue, u.role == .bureau ? "all" : u.counties.joined(separator: ", ")]) }
        return table.render()
    }
}
