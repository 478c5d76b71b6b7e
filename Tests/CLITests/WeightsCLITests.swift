import Foundation
import Testing

@Suite struct WeightsCLITests {
    /// Li Wen et al. 2019 Table 6 through the CLI: fractions in cells, RI table chinese.
    @Test func ahpJSON() throws {
        let folder = try temporaryFolder()
        let rows = (0..<6).map { i in (0..<6).map { j in j >= i ? "\(j - i + 1)" : "1/\(i - j + 1)" }.joined(separator: ",") }
        let path = try write(rows.joined(separator: "\n") + "\n", to: "m.csv", in: folder)
        let result = try minerisk(["weights", "ahp", path, "--ri", "chinese", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        let weights = object["weights"] as! [Double]
        #expect(abs(weights[0] - 0.3825) < 5e-5)
        #expect(abs((object["cr"] as! Double) - 0.0194) < 5e-5)
        #expect(object["riTable"] as? String == "chinese")
        #expect(object["consistent"] as? Bool == true)
    }

    /// An inconsistent matrix prints its result with consistent: false and exits 0.
    @Test func inconsistentMatrixStillPrints() throws {
        let folder = try temporaryFolder()
        let path = try write(",a,b,c\na,1,9,1/9\nb,1/9,1,9\nc,9,1/9,1\n", to: "bad.csv", in: folder)
        let result = try minerisk(["weights", "ahp", path, "--format", "json"])
        #expect(result.status == 0)
        let object = try json(result.stdout)
        #expect(object["consistent"] as? Bool == false)
        #expect((object["labels"] as? [String]) == ["a", "b", "c"])
        let table = try minerisk(["weights", "ahp", path])
        #expect(table.stdout.contains("NOT consistent"))
    }

    /// The sum-product method (和积法) through `weights ahp --method arithmetic-mean`: the by-hand 3×3 of
    /// AHPSumProductTests (w = 5113/8073, 701/2691, 857/8073), the method named in JSON and in the table.
    @Test func ahpSumProductShowsItsMethod() throws {
        let folder = try temporaryFolder()
        let path = try write("1,3,5\n1/3,1,3\n1/5,1/3,1\n", to: "m.csv", in: folder)
        let result = try minerisk(["weights", "ahp", path, "--method", "arithmetic-mean", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["method"] as? String == "arithmetic-mean")
        let weights = object["weights"] as! [Double]
        for (w, expected) in zip(weights, [5113.0 / 8073, 701.0 / 2691, 857.0 / 8073]) { #expect(abs(w - expected) < 1e-12) }
        let table = try minerisk(["weights", "ahp", path, "--method", "arithmetic-mean"])
        #expect(table.stdout.contains("0.6333") && table.stdout.contains("chinese table, arithmetic-mean"))
        let eigen = try minerisk(["weights", "ahp", path])
        #expect(eigen.stdout.contains("0.6370") && eigen.stdout.contains("chinese table, eigenvector"))
        let unknown = try minerisk(["weights", "ahp", path, "--method", "sum-product"])
        #expect(unknown.status == 64 && unknown.stderr.contains("arithmetic-mean"))
    }

    /// `grade --ahp-method` takes every method, records it in the provenance, and the sum-product weights
    /// differ from the eigenvector's.
    @Test func gradeAcceptsEveryAHPMethod() throws {
        let data = ["--data", repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures/export-small").path,
                    "--models", repositoryRoot.appendingPathComponent("Models").path, "--format", "json"]
        var weights: [String: [String: [String: Double]]] = [:]
        for method in ["eigenvector", "geometric-mean", "arithmetic-mean"] {
            let run = try minerisk(["grade", "--ahp-method", method] + data)
            #expect(run.status == 0, "\(run.stderr)")
            let object = try json(run.stdout)
            #expect((object["provenance"] as? [String: Any])?["ahpMethod"] as? String == method)
            weights[method] = object["weights"] as? [String: [String: Double]]
        }
        let eigen = weights["eigenvector"]!["tailings_pond"]!, sumProduct = weights["arithmetic-mean"]!["tailings_pond"]!
        #expect(eigen.keys == sumProduct.keys)
        #expect(eigen.keys.contains { abs(eigen[$0]! - sumProduct[$0]!) > 1e-4 })
    }

    @Test func badCellNamesLineAndColumn() throws {
        let folder = try temporaryFolder()
        let path = try write("1,3\n1/3,abc\n", to: "m.csv", in: folder)
        let result = try minerisk(["weights", "ahp", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("m.csv:2:2: expected a number or a fraction such as 1/3, found \"abc\""))
    }

    @Test func nonReciprocalAndNonSquare() throws {
        let folder = try temporaryFolder()
        let notReciprocal = try write("1,3\n3,1\n", to: "r.csv", in: folder)
        let r = try minerisk(["weights", "ahp", notReciprocal])
        #expect(r.status == 65)
        #expect(r.stderr.contains("not reciprocal at (1,2)"))
        let notSquare = try write("1,3,5\n1/3,1,2\n", to: "s.csv", in: folder)
        let s = try minerisk(["weights", "ahp", notSquare])
        #expect(s.status == 65)
        #expect(s.stderr.contains("not square"))
        let negative = try write("1,-3\n-1/3,1\n", to: "n.csv", in: folder)
        #expect(try minerisk(["weights", "ahp", negative]).status == 65)
    }

    @Test func missingFileIs66() throws {
        let result = try minerisk(["weights", "ahp", "/nonexistent/m.csv"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/m.csv: no such file"))
    }

    @Test func entropyCriticStddevAndTopsis() throws {
        let path = repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures/decision-5x4.csv").path
        let entropy = try json(try minerisk(["weights", "entropy", path, "--format", "json"]).stdout)
        let w = entropy["weights"] as! [Double]
        #expect(abs(w[1] - 0.37883128) < 1e-8)
        #expect((entropy["criteria"] as! [String]) == ["cost", "capacity", "quality", "service"])
        let critic = try minerisk(["weights", "critic", path, "--format", "json"])
        #expect(critic.status == 0)
        let stddev = try minerisk(["weights", "stddev", path, "--types", "cost,benefit,benefit,benefit"])
        #expect(stddev.status == 0 && stddev.stdout.contains("0.3004"))
        let topsis = try json(try minerisk(["rank", "topsis", path, "--weights", "0.25,0.25,0.25,0.25",
                                            "--types", "cost,benefit,benefit,benefit", "--format", "json"]).stdout)
        #expect((topsis["rank"] as! [Int]) == [3, 5, 1, 2, 4])
        #expect((topsis["alternatives"] as! [String]) == ["A1", "A2", "A3", "A4", "A5"])
        let badWeights = try minerisk(["rank", "topsis", path, "--weights", "1,2"])
        #expect(badWeights.status == 64)
        #expect(badWeights.stderr.contains("expected 4 weights"))
    }
}

@Suite struct ReportAndEvaluationCLITests {
    @Test func topsisWeightsMustSumToOne() throws {
        let path = repositoryRoot.appendingPathComponent("Tests/MineRiskTests/Fixtures/decision-5x4.csv").path
        let result = try minerisk(["rank", "topsis", path, "--weights", "0.3,0.3,0.3,0.3"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("expected weights that sum to 1, found 0.3,0.3,0.3,0.3 summing to 1.2"))
    }

    /// The report with a Monte Carlo charts each graded facility's grade probabilities.
    @Test func reportWithSamplesChartsProbabilities() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("r.html").path
        let result = try minerisk(["report", "--samples", "200", "--seed", "3", "--output", path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("Grade probabilities per facility"))
        #expect(html.contains("200 samples, seed 3"))
        #expect(html.contains("Accidents and deaths by year"))
        #expect(html.contains("Coal capacity before and after the scenario"))
    }

    @Test func weightedSumGradesLikeTheFuzzyScore() throws {
        let fuzzy = try json(try minerisk(["grade", "--format", "json"]).stdout)
        let sum = try json(try minerisk(["grade", "--evaluation", "weighted-sum", "--format", "json"]).stdout)
        let a = fuzzy["facilities"] as! [[String: Any]], b = sum["facilities"] as! [[String: Any]]
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(x["grade"] as? String == y["grade"] as? String) }
        #expect(b.allSatisfy { $0["membership"] is NSNull })
    }
}
