/// Structural checks of an indicator model, each reported at its YAML path.
enum ModelValidator {
    static func validate(_ model: IndicatorModel, file: String) throws {
        var problems = ProblemList()
        func add(_ path: String, _ message: String) { problems.add(SourceLocation(file: file, path: path), message) }

        if model.format.kind != "indicator-model" { add("format.kind", "expected \"indicator-model\", found \"\(model.format.kind)\"") }
        if model.format.version != 1 { add("format.version", "this engine reads version 1, found \(model.format.version)") }

        checkGrading(model.grading, add: add)

        let criteria = model.criteria.items
        if criteria.isEmpty { add("criteria.items", "a model needs at least one criterion") }
        checkMatrix(model.criteria.matrix, order: criteria.count, path: "criteria.matrix", add: add)
        var ids = Set<String>()
        for (c, criterion) in criteria.enumerated() {
            let base = "criteria.items[\(c)]"
            if criterion.indicators.isEmpty { add("\(base).indicators", "a criterion needs at least one indicator") }
            checkMatrix(criterion.matrix, order: criterion.indicators.count, path: "\(base).matrix", add: add)
            for (i, indicator) in criterion.indicators.enumerated() {
                let path = "\(base).indicators[\(i)]"
                if !ids.insert(indicator.id).inserted { add("\(path).id", "indicator id \"\(indicator.id)\" appears twice") }
                checkIndicator(indicator, path: path, add: add)
            }
        }
        var codes = Set<String>()
        for (v, veto) in model.vetoes.enumerated() where !codes.insert(veto.code).inserted {
            add("vetoes[\(v)].code", "veto code \"\(veto.code)\" appears twice")
        }
        checkVetoLists(model, add: add)
        try problems.throwIfAny()
    }

    /// Lists have known ids and proper dates, follow each other without overlapping, and every veto names lists that exist.
    private static func checkVetoLists(_ model: IndicatorModel, add: (String, String) -> Void) {
        let lists = model.vetoLists ?? []
        let ids = Set(lists.map(\.id))
        for (l, list) in lists.enumerated() {
            for (key, date) in [("from", list.from), ("until", list.until)] {
                if let date, !isISODate(date) { add("vetoLists[\(l)].\(key)", "expected a date YYYY-MM-DD, found \"\(date)\"") }
            }
            if let from = list.from, let until = list.until, !(from < until) {
                add("vetoLists[\(l)]", "from \(from) must come before until \(until)")
            }
            if l > 0, lists[l - 1].until != list.from {
                add("vetoLists[\(l)].from", "expected the day the previous list stops (\(lists[l - 1].until ?? "never")), found \(list.from ?? "none"): lists must follow each other without gap or overlap")
            }
        }
        for (v, veto) in model.vetoes.enumerated() {
            for id in veto.lists ?? [] where !ids.contains(id) {
                add("vetoes[\(v)].lists", "unknown list \"\(id)\": expected one of \(lists.map(\.id).joined(separator: ", "))")
            }
            for (d, derived) in (veto.derivedFrom ?? []).enumerated() {
                let allowed = FacilityFields.derivable[derived.field]
                if allowed == nil {
                    add("vetoes[\(v)].derivedFrom[\(d)].field", "expected one of \(FacilityFields.derivable.keys.sorted().joined(separator: ", ")), found \"\(derived.field)\"")
                } else if let bad = derived.values.first(where: { !allowed!.contains($0) }) {
                    add("vetoes[\(v)].derivedFrom[\(d)].values", "\(derived.field) takes \(allowed!.joined(separator: ", ")), found \"\(bad)\"")
                }
            }
        }
    }

    private static func checkMatrix(_ rows: [[Judgement]], order n: Int, path: String, add: (String, String) -> Void) {
        guard rows.count == n, rows.allSatisfy({ $0.count == n }) else {
            let shape = rows.map { String($0.count) }.joined(separator: ",")
            add(path, "expected a \(n)×\(n) matrix (one row and column per item), found \(rows.count) rows of lengths [\(shape)]")
            return
        }
        for problem in pairwiseMatrixProblems(Matrix(rows.map { $0.map(\.value) })) { add(path, problem) }
    }

    private static func checkIndicator(_ indicator: Indicator, path: String, add: (String, String) -> Void) {
        let range = indicator.range
        if let range, range.count != 2 || !(range[0] < range[1]) {
            add("\(path).range", "expected [low, high] with low < high, found \(range)")
        }
        switch indicator.scale {
        case .level:
            if indicator.edges != nil { add("\(path).edges", "a level indicator (votes 1–4) takes no edges") }
            if let range, range != [1, 4] { add("\(path).range", "a level indicator's range is [1, 4], found \(range)") }
        case .measured, .score:
            guard let edges = indicator.edges, edges.count == 3 else {
                add("\(path).edges", "expected three edges (low|general, general|significant, significant|major), found \(indicator.edges.map { "\($0)" } ?? "none")")
                return
            }
            let ascending = edges[0] < edges[1] && edges[1] < edges[2]
            let descending = edges[0] > edges[1] && edges[1] > edges[2]
            if indicator.direction == .risk, !ascending {
                add("\(path).edges", "a risk indicator (higher = more risk) needs strictly ascending edges, found \(edges)")
            }
            if indicator.direction == .safety, !descending {
                add("\(path).edges", "a safety indicator (higher = safer) needs strictly descending edges, found \(edges)")
            }
            if let range, range.count == 2, edges.contains(where: { $0 < range[0] || $0 > range[1] }) {
                add("\(path).edges", "edges \(edges) fall outside the range \(range)")
            }
            if indicator.scale == .score, let range, range.count == 2, range[0] < 0 || range[1] > 100 {
                add("\(path).range", "a score is 0–100, found range \(range)")
            }
        }
    }

    private static func checkGrading(_ grading: GradingRule, add: (String, String) -> Void) {
        let v = grading.gradeValues
        if v.count != 4 || !(v[0] < v[1] && v[1] < v[2] && v[2] < v[3]) {
            add("grading.gradeValues", "expected four ascending values for low, general, significant, major, found \(v)")
        }
        for problem in GradeBands.problems(grading.bands, covering: (v.first ?? 0)...(v.last ?? 100)) {
            add("grading.bands", problem)
        }
    }
}
