/// Provenance JSON: every field, the weighting choice both as its label (`weighting`) and typed (`weightingChoice`).
extension Provenance {
    enum CodingKeys: String, CodingKey {
        case engine, models, riTable, ahpMethod, weighting, weightingChoice, fuzzyOperator, gradeRule, asOf, rules, dataDirectory, dataFiles, blas
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(engine, forKey: .engine)
        try c.encode(models, forKey: .models)
        try c.encode(riTable, forKey: .riTable)
        try c.encode(ahpMethod, forKey: .ahpMethod)
        try weightingChoice.encode(to: &c, typed: .weightingChoice, label: .weighting)
        try c.encode(fuzzyOperator, forKey: .fuzzyOperator)
        try c.encode(gradeRule, forKey: .gradeRule)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(rules, forKey: .rules)
        try c.encode(dataDirectory, forKey: .dataDirectory)
        try c.encode(dataFiles, forKey: .dataFiles)
        try c.encode(blas, forKey: .blas)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(engine: try c.decode(String.self, forKey: .engine), models: try c.decode([ModelProvenance].self, forKey: .models),
                  riTable: try c.decode(RandomIndexTable.self, forKey: .riTable), ahpMethod: try c.decode(AHPMethod.self, forKey: .ahpMethod),
                  weightingChoice: try WeightingChoice.decode(from: c, typed: .weightingChoice, label: .weighting),
                  fuzzyOperator: try c.decode(String.self, forKey: .fuzzyOperator), gradeRule: try c.decode(GradeRule.self, forKey: .gradeRule),
                  asOf: try c.decode(RoundDate.self, forKey: .asOf), rules: try c.decode([RuleInForce].self, forKey: .rules),
                  dataDirectory: try c.decode(String.self, forKey: .dataDirectory),
                  dataDigests: FileDigests(hashes: try c.decode([String: String].self, forKey: .dataFiles)), blas: try c.decode(BLASInfo.self, forKey: .blas))
    }
}
