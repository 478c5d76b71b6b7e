/// Score bands: which grade a risk score falls in. Each band is [from, to) and the last [from, to];
/// the bands are checked to be in grade order, contiguous and covering the scores a model can produce.
public struct GradeBands: Sendable, Hashable {
    public let bands: [GradeBand]

    public init(_ bands: [GradeBand]) { self.bands = bands }

    /// The grade of a score; a score on an edge belongs to the band above it (DOMAIN §2: say which side).
    public func grade(of score: Double) -> RiskGrade {
        for band in bands.dropLast() where score < band.to { return band.grade }
        return bands.last!.grade
    }

    /// What is wrong with a list of bands, if anything.
    public static func problems(_ bands: [GradeBand], covering span: ClosedRange<Double>) -> [String] {
        guard bands.count == 4 else { return ["expected four bands (low, general, significant, major), found \(bands.count)"] }
        var problems: [String] = []
        for (i, band) in bands.enumerated() {
            if band.grade != RiskGrade(index: i) {
                problems.append("band \(i + 1) must be \(RiskGrade(index: i).rawValue) (bands go from low to major), found \(band.grade.rawValue)")
            }
            if !(band.from < band.to) { problems.append("band \(band.grade.rawValue) is empty or reversed: from \(band.from) to \(band.to)") }
            if i > 0 {
                let previous = bands[i - 1]
                if band.from > previous.to { problems.append("gap between \(previous.grade.rawValue) (to \(previous.to)) and \(band.grade.rawValue) (from \(band.from))") }
                if band.from < previous.to { problems.append("\(previous.grade.rawValue) (to \(previous.to)) overlaps \(band.grade.rawValue) (from \(band.from))") }
            }
        }
        if bands[0].from > span.lowerBound || bands[3].to < span.upperBound {
            problems.append("bands cover \(bands[0].from)…\(bands[3].to) but scores range over \(span.lowerBound)…\(span.upperBound)")
        }
        return problems
    }
}
