/// The membership of a value in the four grades low, general, significant, major.
///
/// The grades' peaks sit at the midpoints of the intervals cut by the three edges, the outer peaks half
/// an interval beyond the outer edges; between neighbouring peaks the membership is linear (triangular
/// functions inside, trapezoids at the ends), so every vector sums to 1 (DOMAIN §4 "Membership").
/// - Parameters:
///   - value: the (expert-aggregated) indicator value.
///   - edges: low|general, general|significant, significant|major; ascending for risk, descending for safety.
///   - direction: whether higher values mean more risk or more safety.
public func membership(of value: Double, edges: [Double], direction: IndicatorDirection) -> [Double] {
    precondition(edges.count == 3, "membership needs three edges")
    let mu = MembershipFunction(edges: edges, direction: direction)(value)
    return [mu.0, mu.1, mu.2, mu.3]
}

/// One indicator's membership function with its peaks worked out once, for evaluating many values
/// without allocating; `membership(of:edges:direction:)` is this function.
public struct MembershipFunction: Sendable, Hashable {
    /// +1 when higher values mean more risk, −1 when they mean more safety: oriented so larger is riskier.
    let sign: Double
    let p0, p1, p2, p3: Double

    public init(edges: [Double], direction: IndicatorDirection) {
        precondition(edges.count == 3, "membership needs three edges")
        sign = direction == .risk ? 1 : -1
        let e0 = sign * edges[0], e1 = sign * edges[1], e2 = sign * edges[2]
        p0 = e0 - (e1 - e0) / 2
        p1 = (e0 + e1) / 2
        p2 = (e1 + e2) / 2
        p3 = e2 + (e2 - e1) / 2
    }

    /// Memberships of low, general, significant and major; they sum to 1.
    @inline(__always)
    public func callAsFunction(_ value: Double) -> (Double, Double, Double, Double) {
        let x = sign * value
        if x <= p0 { return (1, 0, 0, 0) }
        if x >= p3 { return (0, 0, 0, 1) }
        // The segment between neighbouring peaks: the last peak the value has reached (the first otherwise).
        if x >= p2 {
            let t = (x - p2) / (p3 - p2)
            return (0, 0, 1 - t, t)
        }
        if x >= p1 {
            let t = (x - p1) / (p2 - p1)
            return (0, 1 - t, t, 0)
        }
        let t = (x - p0) / (p1 - p0)
        return (1 - t, t, 0, 0)
    }
}
