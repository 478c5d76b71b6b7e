/// The AHP weights of a model: each criterion's, each indicator's within its criterion, and their products.
public struct ModelWeights: Sendable, Codable, Equatable {
    public let kind: FacilityKind
    public let criteria: AHPResult
    public let local: [AHPResult]
    /// Global indicator weights in model order (criterion weight × local weight).
    public let global: [Double]
    /// λmax, CI, RI and CR of every matrix (`criteria`, then each criterion's id) and the hierarchy's CR_total.
    public let consistency: ModelConsistency

    /// Derives the weights of a model and refuses an inconsistent matrix, naming it and its worst judgement,
    /// then an inconsistent hierarchy (CR_total ≥ 0.10), naming the criterion contributing most.
    public init(_ loaded: LoadedModel, method: AHPMethod, riTable: RandomIndexTable) throws {
        let model = loaded.model
        let criteria = try Self.solve(model.criteria.matrix, at: "criteria.matrix", labels: model.criteria.items.map(\.id),
                                      file: loaded.file, method: method, riTable: riTable)
        var local: [AHPResult] = []
        var global: [Double] = []
        for (c, criterion) in model.criteria.items.enumerated() {
            let result = try Self.solve(criterion.matrix, at: "criteria.items[\(c)].matrix", labels: criterion.indicators.map(\.id),
                                        file: loaded.file, method: method, riTable: riTable)
            local.append(result)
            global += result.weights.map { $0 * criteria.weights[c] }
        }
        // DOMAIN §3 层次总排序一致性检验: CR_total from the criterion weights and each indicator matrix's CI, RI.
        let consistency = ModelConsistency(
            criteria: MatrixConsistency(id: "criteria", criteria), criterionWeights: criteria.weights,
            indicatorMatrices: zip(model.criteria.items, local).map { MatrixConsistency(id: $0.id, $1) })
        try consistency.requireAccepted(criterionWeights: criteria.weights, at: SourceLocation(file: loaded.file, path: "criteria"))
        kind = model.kind
        self.criteria = criteria
        self.local = local
        self.global = global
        self.consistency = consistency
    }

    private static func solve(_ rows: [[Judgement]], at path: String, labels: [String], file: String,
                              method: AHPMethod, riTable: RandomIndexTable) throws -> AHPResult {
        let result = try analyticHierarchy(Matrix(rows.map { $0.map(\.value) }), method: method, riTable: riTable)
        guard result.consistent else {
            var message = "inconsistent judgements: CR \(result.cr.rounded(to: 4)) ≥ 0.10 (λmax \(result.lambdaMax.rounded(to: 4)), RI \(result.ri), \(riTable.rawValue) table)"
            if let w = result.worstJudgement {
                message += "; the judgement at (\(w.row + 1),\(w.column + 1)) \(labels[w.row]) vs \(labels[w.column]) = \(w.judged.rounded(to: 4)) contributes most (the weights imply \(w.implied.rounded(to: 4)))"
            }
            throw MineRiskError.invalid(SourceLocation(file: file, path: path), message)
        }
        return result
    }
}
