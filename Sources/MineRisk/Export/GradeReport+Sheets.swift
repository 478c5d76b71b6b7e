import Foundation

extension GradeReport {
    /// The criterion layer (准则层) of every evaluated facility, one row per facility and criterion: what drives a grade.
    public func criteriaSheet() -> XLSXSheet {
        let headers = ["编号 ID", "名称 Name", "类型 Kind", "风险等级 Grade", "准则 Criterion", "准则名称 Criterion name",
                       "权重 Weight", "准则分值(越高越危险) Criterion score (higher = riskier)",
                       "低 μ low", "一般 μ general", "较大 μ significant", "重大 μ major"]
        let facilities = self.facilities, order = orderedIndices
        // Row k belongs to the facility whose criteria start at the last offset ≤ k.
        var starts: [Int] = []
        starts.reserveCapacity(order.count)
        var rows = 0
        for f in order {
            starts.append(rows)
            rows += facilities[f].criteria?.count ?? 0
        }
        let source = XLSXRowSource(count: rows, columns: headers.count, styles: XLSXStyle.gradeTableStyles) { [starts] k in
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= k { low = middle } else { high = middle - 1 }
            }
            let r = facilities[order[low]], c = r.criteria![k - starts[low]]
            let grade: XLSXCell = r.grade.map { .text($0.bilingual, style: .grade($0)) }
                ?? XLSXCell(.empty, style: .plain)
            return [.text(r.id), .text(r.name), .text(r.kind.name.zh), grade, .text(c.id), .text(c.nameZh),
                    xlsxCell(.number(c.weight, decimals: 4), style: .plain), xlsxCell(.number(c.score, decimals: 2), style: .plain)]
                + c.membership.map { xlsxCell(.number($0, decimals: 4), style: .plain) }
        }
        return .table(name: "准则层 Criteria", headers: headers, source: source, frozenColumns: 2)
    }

    /// λmax, CI, RI and CR of every AHP matrix and each model's CR_total (层次总排序一致性检验), as yaahp shows them.
    public func consistencySheet() -> XLSXSheet {
        func fixed(_ x: Double, _ decimals: Int) -> XLSXCell { xlsxCell(.number(x, decimals: decimals), style: .plain) }
        let headers = ["类型 Kind", "矩阵 Matrix", "阶数 n", "λmax", "CI", "RI", "CR", "通过 CR < 0.10"]
        var rows: [[XLSXCell]] = []
        for model in provenance.models {
            guard let consistency = model.consistency else { continue }
            for m in consistency.matrices {
                rows.append([.text(model.kind.name.zh), .text(m.id), .number(m.n), fixed(m.lambdaMax, 4),
                             fixed(m.ci, 4), fixed(m.ri, 2), fixed(m.cr, 4), .text(m.cr < 0.10 ? "yes" : "no")])
            }
            rows.append([.text(model.kind.name.zh), .text("CR_total 层次总排序"), XLSXCell(.empty, style: .plain), XLSXCell(.empty, style: .plain),
                         XLSXCell(.empty, style: .plain), XLSXCell(.empty, style: .plain),
                         fixed(consistency.crTotal, 4), .text(consistency.crTotal < 0.10 ? "yes" : "no")])
        }
        return .table(name: "一致性 Consistency", headers: headers, rows: rows)
    }
}
