import Foundation
import Testing
import MineRisk

/// `minerisk simulate` and the BLAS kernel mechanism, through the built binary.
@Suite struct SimulateCLITests {
    /// A small round: two facilities per kind, three experts, one incomplete facility and one veto.
    static func writeDataset() throws -> String {
        let models = try ModelLoader.load(directory: repositoryRoot.appendingPathComponent("Models").path)
        let directory = try temporaryFolder().path
        var random = SplitMix64(seed: 4)
        var facilities = "id,name,kind,county,standardized,status,storage_volume_10k_m3,dam_height_m,online_monitoring\n"
        var assessments = "facility_id,expert_id,indicator_id,value\n"
        var count = 0
        for kind in models.models.keys.sorted() {
            for _ in 0..<4 {
                count += 1
                let pond = kind == .tailingsPond ? "900,45,yes" : ",,"
                facilities += "F\(count),Facility \(count),\(kind.rawValue),East,yes,operating,\(pond)\n"
                let latent = 4 * random.nextUnit()
                for (j, indicator) in models[kind]!.model.indicators.enumerated() {
                    if count == 1, j == 0 { continue }
                    for e in 1...3 {
                        let p = min(3.99, max(0.01, latent + random.nextNormal()))
                        var value: String
                        if indicator.scale == .level {
                            value = String(Int(p) + 1)
                        } else {
                            let edges = indicator.edges!
                            let x = edges[0] + (p - 1) * (edges[2] - edges[0]) / 2
                            value = String(format: "%.2f", min(indicator.range?[1] ?? x, max(indicator.range?[0] ?? x, x)))
                        }
                        assessments += "F\(count),E\(e),\(indicator.id),\(value)\n"
                    }
                }
            }
        }
        let veto = models.models.values.sorted { $0.model.kind < $1.model.kind }[0].model.vetoes[0].code
        let files = [
            "facilities.csv": facilities, "assessments.csv": assessments,
            "experts.csv": "id,name,title,weight\nE1,A,engineer,1\nE2,B,engineer,2\nE3,C,engineer,1\n",
            "hazards.csv": "facility_id,code,description,found_on\nF2,\(veto),found,2017-05-10\n",
        ]
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        return directory
    }

    @Test func jsonHasTheDocumentedShapeAndIsByteIdenticalAcrossThreads() throws {
        let data = try Self.writeDataset()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let arguments = ["simulate", "--data", data, "--samples", "300", "--seed", "42", "--format", "json"]
        let one = try minerisk(arguments + ["--threads", "1"])
        #expect(one.status == 0, "\(one.stderr)")
        let two = try minerisk(arguments + ["--threads", "2"])
        #expect(one.stdout == two.stdout)
        #expect(try minerisk(arguments + ["--threads", "3"]).stdout == one.stdout)
        let json = try json(one.stdout)
        #expect(json["samples"] as? Int == 300 && json["seed"] as? Int == 42)
        let facilities = json["facilities"] as! [[String: Any]]
        #expect(!facilities.isEmpty)
        for facility in facilities {
            for key in ["id", "baseGrade", "probabilities", "modalGrade", "changeProbability"] { #expect(facility[key] != nil, "\(key)") }
            let p = facility["probabilities"] as! [String: Double]
            #expect(Set(p.keys) == ["low", "general", "significant", "major"])
            #expect(abs(p.values.reduce(0, +) - 1) < 1e-5)
        }
        #expect(json["sensitivity"] is [Any])
        #expect((json["incomplete"] as! [[String: Any]]).map { $0["id"] as! String } == ["F1"])
        let vetoed = facilities.first { $0["id"] as? String == "F2" }!
        #expect((vetoed["probabilities"] as! [String: Double])["major"] == 1)
        // No progress bar when stderr is not a terminal.
        #expect(one.stderr.isEmpty)
    }

    @Test func tableListsProbabilitiesAndTimingsGoToStderr() throws {
        let data = try Self.writeDataset()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = try minerisk(["simulate", "--data", data, "--samples", "50", "--timings"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("modal") && run.stdout.contains("50 samples, seed 1"))
        #expect(run.stdout.contains("incomplete, not simulated (1): F1"))
        let timings = try json(run.stderr)
        #expect(timings["productFlops"] as? Double ?? 0 > 0)
        #expect((timings["stages"] as! [String: Double])["simulate"] != nil)
        // The kernel's rate is timed inside its products, so it is never below the rate over the whole stage.
        let inside = timings["productSeconds"] as? Double ?? 0, stage = (timings["stages"] as! [String: Double])["simulate"]!
        #expect(inside > 0 && inside <= stage * Double(timings["threads"] as! Int))
        #expect(timings["productGflops"] as? Double ?? 0 >= timings["stageGflops"] as? Double ?? .infinity)
    }

    @Test func doctorMeasuresAThinProductOnOneThread() throws {
        let run = try minerisk(["doctor", "--format", "json", "--dgemm-shape", "64x10x22"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try json(run.stdout)
        #expect(json["dgemmShape"] as? String == "64x10x22")
        #expect(json["dgemmShapeThreadGflops"] as? Double ?? 0 > 0)
        let bad = try minerisk(["doctor", "--dgemm-shape", "64x10"])
        #expect(bad.status == 64 && bad.stderr.contains("expected three positive sizes MxNxK"))
    }

    /// `simulate --ahp-method arithmetic-mean` re-solves each sample with the sum-product method and says so.
    @Test func sumProductMethodRunsAndIsRecorded() throws {
        let data = try Self.writeDataset()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let run = try minerisk(["simulate", "--data", data, "--samples", "200", "--seed", "7", "--format", "json", "--ahp-method", "arithmetic-mean"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try json(run.stdout)
        #expect((object["settings"] as? [String: Any])?["ahpMethod"] as? String == "arithmetic-mean")
        let eigen = try minerisk(["simulate", "--data", data, "--samples", "200", "--seed", "7", "--format", "json"])
        #expect(eigen.status == 0 && eigen.stdout != run.stdout)
    }

    @Test func badOptionsAreUsageErrors() throws {
        let data = try Self.writeDataset()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let zero = try minerisk(["simulate", "--data", data, "--samples", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--samples must be at least 1"))
        let sigma = try minerisk(["simulate", "--data", data, "--judgement-sigma", "-1"])
        #expect(sigma.status == 64)
        let op = try minerisk(["simulate", "--data", data, "--operator", "min-max"])
        #expect(op.status == 64 && op.stderr.contains("weighted-average"))
        let format = try minerisk(["simulate", "--data", data, "--format", "csv"])
        #expect(format.status == 64)
    }

    @Test func doctorNeverOverridesACoreTypeAlreadySet() throws {
        let run = try minerisk(["doctor", "--format", "json"], environment: ["OPENBLAS_CORETYPE": "Haswell"])
        #expect(run.status == 0)
        let json = try json(run.stdout)
        let blas = json["blas"] as! [String: Any]
        #expect(blas["coreTypeOverride"] as? String == "Haswell")
        #expect(blas["coreTypeChosenByEngine"] as? Bool == false)
        #expect(blas["coreName"] as? String == "Haswell")
    }

    @Test func optOutKeepsOpenBLASChoice() throws {
        var environment = ["MINERISK_BLAS_CORETYPE": "off"]
        environment["OPENBLAS_CORETYPE"] = nil
        let run = try minerisk(["doctor", "--format", "json"], environment: environment)
        let json = try json(run.stdout)
        #expect((json["blas"] as! [String: Any])["coreTypeChosenByEngine"] as? Bool == false)
    }
}
