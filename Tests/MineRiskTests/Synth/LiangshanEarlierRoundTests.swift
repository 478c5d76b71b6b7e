import Foundation
import Testing
@testable import MineRisk

/// The 2016 round: the same enterprises mostly, with real changes for history and diff.
@Suite struct LiangshanEarlierRoundTests {
    @Test func loadsAndGrades() throws {
        let report = try gradeFolder(seed2016)
        #expect(report.summary.rejected == 0)
        #expect(report.summary.graded > 0 && report.summary.graded < 58)
        #expect(report.facilities.filter { $0.status == .incomplete }.allSatisfy { !$0.missing.isEmpty })
    }

    @Test func sameEnterprisesWithSomeComingAndGoing() throws {
        let ids2016 = Set(try csvTable(seed2016 + "/facilities.csv").map { $0["id"]! })
        let ids2017 = Set(try csvTable(seed2017 + "/facilities.csv").map { $0["id"]! })
        let both = ids2016.intersection(ids2017)
        #expect(both.count * 10 >= ids2017.count * 9)
        #expect(!ids2017.subtracting(ids2016).isEmpty, "facilities new in 2017")
        #expect(!ids2016.subtracting(ids2017).isEmpty, "facilities closed before 2017")
    }

    /// Several grades differ: some improved by 2017, a few worse; 2016 has its own hazards.
    @Test func gradesChange() throws {
        let earlier = Dictionary(uniqueKeysWithValues: try gradeFolder(seed2016).facilities.map { ($0.id, $0) })
        let later = try gradeFolder(seed2017).facilities
        let order: [RiskGrade] = [.low, .general, .significant, .major]
        var better = 0, worse = 0
        for f in later {
            guard let a = earlier[f.id]?.grade, let b = f.grade else { continue }
            let change = order.firstIndex(of: b)! - order.firstIndex(of: a)!
            if change < 0 { better += 1 }
            if change > 0 { worse += 1 }
        }
        #expect(better >= 3, "improved: \(better)")
        #expect(worse >= 1, "worse: \(worse)")
        let hazards2016 = try csvTable(seed2016 + "/hazards.csv")
        let hazards2017 = try csvTable(seed2017 + "/hazards.csv")
        #expect(!hazards2016.isEmpty)
        #expect(Set(hazards2016.map { $0["facility_id"]! + $0["code"]! }) != Set(hazards2017.map { $0["facility_id"]! + $0["code"]! }))
        #expect(hazards2016.allSatisfy { $0["found_on"]!.hasPrefix("2016-") })
    }

    /// The register as of 2016: the mines closed in 2016 still operating.
    @Test func coalRegisterAsOf2016() throws {
        let register = try csvTable(seed2016 + "/coal_mines.csv")
        #expect(register.count == 20)
        let operating = register.filter { $0["status"] == "operating" }
        #expect(register.filter { $0["status"] == "closed" }.allSatisfy { Int($0["closed_year"]!)! < 2016 })
        let coal = try csvTable(seed2016 + "/facilities.csv").filter { $0["kind"] == "coal_mine" }
        #expect(Set(coal.map { $0["id"]! }) == Set(operating.map { $0["id"]! }))
    }
}
