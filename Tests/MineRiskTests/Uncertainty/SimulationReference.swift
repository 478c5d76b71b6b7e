import Foundation
@testable import MineRisk

/// A slow, sample-by-sample Monte Carlo written from the definitions, to check the blocked kernel.
struct SimulationReference {
    struct Result {
        var counts = [0, 0, 0, 0]
        var scores: [Double] = []
        var mean: Double { scores.reduce(0, +) / Double(scores.count) }
    }

    var results: [String: Result] = [:]
    /// Per kind: indicator id → the weight of each sample.
    var weights: [FacilityKind: [String: [Double]]] = [:]
    var kindOf: [String: FacilityKind] = [:]

    init(fixture: SimulationFixture, base: GradeReport, options: SimulationOptions, grading: GradingOptions = GradingOptions()) throws {
        let data = fixture.data
        let expertWeights = data.experts.map(\.weight)
        for (kindIndex, kind) in FacilityKind.allCases.enumerated() {
            guard let loaded = fixture.models[kind] else { continue }
            let model = loaded.model
            let members = data.facilities.indices.filter { data.facilities[$0].kind == kind }
            guard !members.isEmpty else { continue }
            let rows = members.indices.filter { [.score, .membership].contains(base.facilities[members[$0]].gradedBy) }
            let full = AggregatedAssessments(table: data.assessments, facilities: members, indicators: model.indicators,
                                             expertWeights: expertWeights, facilityCount: data.facilities.count)
            let baseR = full.membershipMatrix(rows)
            var perIndicator = [String: [Double]]()
            for s in 0..<options.samples {
                let w = try Self.weights(model: model, stream: UInt64(kindIndex), sample: s, options: options)
                for (j, indicator) in model.indicators.enumerated() { perIndicator[indicator.id, default: []].append(w[j]) }
                var r = baseR
                if options.bootstrapPanel {
                    let group = s / options.panelGroup
                    var generator = SplitMix64(seed: options.seed, stream: .panel, UInt64(group))
                    var multiplicity = [Double](repeating: 0, count: data.experts.count)
                    for _ in data.experts.indices { multiplicity[generator.nextInt(below: data.experts.count)] += 1 }
                    let rowWeights = data.assessments.expert.map { multiplicity[Int($0)] }
                    let resampled = AggregatedAssessments(table: data.assessments, facilities: members, indicators: model.indicators,
                                                          expertWeights: expertWeights, rowWeights: rowWeights, facilityCount: data.facilities.count)
                    r = resampled.membershipMatrix(rows)
                    // A cell none of whose experts was drawn keeps the full panel's memberships.
                    let m = model.indicators.count
                    for (position, i) in rows.enumerated() {
                        for j in 0..<m where resampled.values[i * m + j].isNaN {
                            for k in 0..<4 { r[position * 4 + k, j] = baseR[position * 4 + k, j] }
                        }
                    }
                }
                var b = r.multiplied(by: w)
                for (position, i) in rows.enumerated() {
                    let id = data.facilities[members[i]].id
                    var x = Array(b[(position * 4)..<(position * 4 + 4)])
                    let sum = x.reduce(0, +)
                    if sum > 0 { x = x.map { $0 / sum } }
                    let score = (0..<4).map { x[$0] * model.grading.gradeValues[$0] }.reduce(0, +)
                    let grade = grading.gradeRule == .score
                        ? GradeBands(model.grading.bands).grade(of: score)
                        : RiskGrade(index: x.indices.max { x[$0] < x[$1] }!)
                    results[id, default: Result()].counts[grade.index] += 1
                    results[id, default: Result()].scores.append(score)
                    kindOf[id] = kind
                }
                b.removeAll()
            }
            weights[kind] = perIndicator
        }
    }

    /// One sample's weights from the definition: judgements moved on the log scale, solved by dgeev.
    static func weights(model: IndicatorModel, stream: UInt64, sample: Int, options: SimulationOptions) throws -> [Double] {
        var generator = SplitMix64(seed: options.seed, stream: .weights, stream, UInt64(sample))
        var priorities: [[Double]] = []
        for rows in [model.criteria.matrix] + model.criteria.items.map(\.matrix) {
            let n = rows.count
            var a = Matrix(rows: n, columns: n, repeating: 1)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    a[i, j] = exp(log(rows[i][j].value) + options.judgementSigma * generator.nextNormal())
                    a[j, i] = 1 / a[i, j]
                }
            }
            priorities.append(try ahpPriorities(a, method: .eigenvector).weights)
        }
        var w: [Double] = []
        for (c, criterion) in model.criteria.items.enumerated() {
            w += criterion.indicators.indices.map { priorities[0][c] * priorities[c + 1][$0] }
        }
        let sum = w.reduce(0, +)
        return w.map { $0 / sum }
    }

    /// Pearson correlation of an indicator's weight with a facility's score over the samples.
    func correlation(_ id: String, _ indicator: String) -> Double {
        let x = weights[kindOf[id]!]![indicator]!, y = results[id]!.scores
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
