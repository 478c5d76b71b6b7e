// Replaced by the Weighting consistency types when they land.
public struct MatrixConsistency: Sendable, Equatable, Codable {
    public var id: String
    public var n: Int
    public var lambdaMax: Double
    public var ci: Double
    public var ri: Double
    public var cr: Double
}

public struct ModelConsistency: Sendable, Equatable, Codable {
    public var matrices: [MatrixConsistency]
    public var crTotal: Double
}

extension ModelWeights {
    var consistency: ModelConsistency {
        ModelConsistency(matrices: [], crTotal: 0)
    }
}
