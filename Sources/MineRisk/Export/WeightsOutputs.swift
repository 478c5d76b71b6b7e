/// What `minerisk weights ahp` writes: the AHP result with the matrix's labels.
public struct AHPOutput: Encodable {
    public let labels: [String]
    public let result: AHPResult

    public init(labels: [String], result: AHPResult) {
        self.labels = labels
        self.result = result
    }

    enum CodingKeys: String, CodingKey { case labels, weights, lambdaMax, ci, cr, ri, riTable, method, consistent, worstJudgement }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(labels, forKey: .labels)
        try c.encode(result.weights, forKey: .weights)
        try c.encode(result.lambdaMax, forKey: .lambdaMax)
        try c.encode(result.ci, forKey: .ci)
        try c.encode(result.cr, forKey: .cr)
        try c.encode(result.ri, forKey: .ri)
        try c.encode(result.riTable.rawValue, forKey: .riTable)
        try c.encode(result.method.rawValue, forKey: .method)
        try c.encode(result.consistent, forKey: .consistent)
        try c.encodeIfPresent(result.worstJudgement, forKey: .worstJudgement)
    }

    /// One row per item: its weight.
    public func csv() -> String {
        var writer = CSVWriter(byteOrderMark: false)
        writer.row(["item", "weight"])
        for (label, weight) in zip(labels, result.weights) { writer.row([label, String(weight)]) }
        return writer.text
    }
}

/// What `minerisk weights entropy|critic|stddev` writes: a weight per criterion.
public struct WeightsOutput: Encodable {
    public let criteria: [String]
    public let weights: [Double]

    public init(criteria: [String], weights: [Double]) {
        self.criteria = criteria
        self.weights = weights
    }

    /// One row per criterion: its weight.
    public func csv() -> String {
        var writer = CSVWriter(byteOrderMark: false)
        writer.row(["criterion", "weight"])
        for (c, w) in zip(criteria, weights) { writer.row([c, String(w)]) }
        return writer.text
    }
}

/// What `minerisk rank topsis` writes: each alternative's closeness and rank.
public struct TOPSISOutput: Encodable {
    public let alternatives: [String]
    public let result: TOPSISResult

    public init(alternatives: [String], result: TOPSISResult) {
        self.alternatives = alternatives
        self.result = result
    }

    enum CodingKeys: String, CodingKey { case alternatives, closeness, rank, normalization }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(result.closeness, forKey: .closeness)
        try c.encode(result.rank, forKey: .rank)
        try c.encode(result.normalization.rawValue, forKey: .normalization)
    }

    /// One row per alternative: its closeness and rank.
    public func csv() -> String {
        var writer = CSVWriter(byteOrderMark: false)
        writer.row(["alternative", "closeness", "rank"])
        for i in alternatives.indices { writer.row([alternatives[i], String(result.closeness[i]), String(result.rank[i])]) }
        return writer.text
    }
}
