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
    // Orient so that larger means riskier.
    let sign: Double = direction == .risk ? 1 : -1
    let x = sign * value
    let e = edges.map { sign * $0 }
    let peaks = [e[0] - (e[1] - e[0]) / 2, (e[0] + e[1]) / 2, (e[1] + e[2]) / 2, e[2] + (e[2] - e[1]) / 2]
    var result = [0.0, 0.0, 0.0, 0.0]
    if x <= peaks[0] {
        result[0] = 1
    } else if x >= peaks[3] {
        result[3] = 1
    } else {
        var k = 0
        while x >= peaks[k + 1] { k += 1 }
        let t = (x - peaks[k]) / (peaks[k + 1] - peaks[k])
        result[k] = 1 - t
        result[k + 1] = t
    }
    return result
}
