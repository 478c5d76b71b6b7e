import Foundation

/// Terminal tables of `minerisk weights` and `minerisk rank`: weights with four decimals, AHP's consistency.
public enum WeightsText {
    /// AHP weights per item, then λmax, CI, CR and the verdict, with the judgement that departs most.
    public static func ahp(_ result: AHPResult, labels: [String]) -> String {
        var table = TextTable(headers: ["item", "weight"])
        table.rightAligned = [1]
        for (label, weight) in zip(labels, result.weights) { table.add([label, String(format: "%.4f", weight)]) }
        var text = table.render()
        text += String(format: "λmax %.4f   CI %.4f   CR %.4f   (RI %.2f, %@ table, %@)\n", result.lambdaMax, result.ci, result.cr, result.ri,
                       result.riTable.rawValue, result.method.rawValue)
        if result.consistent {
            text += "consistent (CR < 0.10)\n"
        } else {
            text += "NOT consistent (CR ≥ 0.10)"
            if let w = result.worstJudgement {
                text += String(format: ": the judgement %@ vs %@ = %.4g departs most (the weights imply %.4g)", labels[w.row], labels[w.column], w.judged, w.implied)
            }
            text += "\n"
        }
        return text
    }

    /// Objective weights per criterion.
    public static func weights(_ weights: [Double], criteria: [String]) -> String {
        var table = TextTable(headers: ["criterion", "weight"])
        table.rightAligned = [1]
        for (c, w) in zip(criteria, weights) { table.add([c, String(format: "%.4f", w)]) }
        return table.render()
    }

    /// TOPSIS closeness, best first.
    public static func topsis(_ result: TOPSISResult, alternatives: [String]) -> String {
        var table = TextTable(headers: ["rank", "alternative", "closeness"])
        table.rightAligned = [0, 2]
        for i in alternatives.indices.sorted(by: { result.rank[$0] < result.rank[$1] }) {
            table.add([String(result.rank[i]), alternatives[i], String(format: "%.4f", result.closeness[i])])
        }
        return table.render()
    }
}
