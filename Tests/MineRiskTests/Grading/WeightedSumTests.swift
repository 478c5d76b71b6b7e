import Foundation
import Testing
@testable import MineRisk

@Suite struct WeightedSumTests {
    static let models: ModelSet = try! ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)

    /// s = Xw on the indicators' own risk scores equals the fuzzy M(·,⊕) score B·v, facility by facility:
    /// the indicator score is linear in its membership. Tolerance 1e-9.
    @Test func weightedSumEqualsWeightedAverageScore() throws {
        let data = try DatasetLoader(directory: repositoryRoot.appendingPathComponent("seeds/liangshan-2017").path, models: Self.models).load()
        let fuzzy = try Grader(models: Self.models).grade(data)
        var options = GradingOptions()
        options.evaluation = .weightedSum
        let sum = try Grader(models: Self.models, options: options).grade(data)
        #expect(sum.summary.graded == fuzzy.summary.graded)
        for (a, b) in zip(fuzzy.facilities, sum.facilities) where a.score != nil {
            expectClose(b.score!, a.score!, tolerance: 1e-9)
            #expect(b.membership == nil)
            #expect(a.grade == b.grade)
        }
        #expect(sum.provenance.fuzzyOperator.contains("weighted-sum"))
    }

    /// A hand-worked case: two indicators with edges 50/100/150 (risk) and 85/70/55 (safety), weights 0.6/0.4.
    @Test func handWorkedScore() {
        let v = [12.5, 37.5, 62.5, 87.5]
        let risk = zip(membership(of: 100, edges: [50, 100, 150], direction: .risk), v).map(*).reduce(0, +)  // 50
        let safety = zip(membership(of: 92.5, edges: [85, 70, 55], direction: .safety), v).map(*).reduce(0, +) // 12.5
        expectClose(risk, 50, tolerance: 1e-12)
        expectClose(safety, 12.5, tolerance: 1e-12)
        expectClose(Matrix([[risk, safety]]).multiplied(by: [0.6, 0.4])[0], 35, tolerance: 1e-12)
    }
}
