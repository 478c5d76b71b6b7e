/// The consistency figures of one pairwise matrix of a model, as a yaahp user reads them.
public struct MatrixConsistency: Sendable, Codable, Equatable {
    /// `criteria` for the criterion matrix, the criterion's id (e.g. `tp_inherent`) for an indicator matrix.
    public let id: String
    /// The order of the matrix.
    public let n: Int
    public let lambdaMax: Double
    /// CI = (λmax − n)/(n − 1); 0 for n ≤ 2.
    public let ci: Double
    /// RI(n) of the table the weights used; 0 for n ≤ 2.
    public let ri: Double
    /// CR = CI/RI; 0 for n ≤ 2.
    public let cr: Double

    public init(id: String, n: Int, lambdaMax: Double, ci: Double, ri: Double, cr: Double) {
        self.id = id
        self.n = n
        self.lambdaMax = lambdaMax
        self.ci = ci
        self.ri = ri
        self.cr = cr
    }

    /// The figures of an AHP result under a matrix id.
    public init(id: String, _ result: AHPResult) {
        self.init(id: id, n: result.weights.count, lambdaMax: result.lambdaMax, ci: result.ci, ri: result.ri, cr: result.cr)
    }
}
