import Foundation
import Testing
@testable import MineRisk

/// County offices importing their own parts of one round (`db import --county`), on both backends.
@Suite struct StoreCountyTests {
    static let models = Result { try repositoryModels() }

    func part(_ county: String, round: String = "2017") throws -> CountyImport {
        let data = try RoundLoader.load(directory: storeFixture(round), models: try Self.models.get())
        return try CountyImport(data, county: county, source: storeFixture(round))
    }

    /// Counties imported one after another make the whole round: the same facilities, assessments and hazards, and the
    /// same grades, as the round imported whole.
    @Test(arguments: TestBackend.all) func countiesMakeTheWholeRound(backend: TestBackend) throws {
        let models = try Self.models.get()
        let store = try backend.emptyStore()
        let counties = ["会理县", "会东县", "西昌市", "甘洛县", "盐源县"]
        var facilities = 0
        for county in counties {
            let summary = try store.importCounty(try part(county), id: "2017", source: storeFixture("2017"), replace: false)
            #expect(summary.files.allSatisfy { $0.hasPrefix("counties/\(county)/") })
            facilities += summary.facilities
        }
        let info = try #require(try store.rounds().first)
        #expect((info.facilities, info.experts, info.assessments, info.hazards, info.coalMines, info.accidentYears) == (7, 3, 429, 1, 3, 0))
        #expect(facilities == 7)
        let stored = try Grader(models: models).grade(try store.dataset(round: "2017", models: models))
        let folder = try Grader(models: models).grade(try DatasetLoader(directory: storeFixture("2017"), models: models).load())
        #expect(Dictionary(uniqueKeysWithValues: stored.facilities.map { ($0.id, $0.grade) })
                == Dictionary(uniqueKeysWithValues: folder.facilities.map { ($0.id, $0.grade) }))
        // The round's date comes with the counties' round.yaml.
        let fromFolder = try DatasetLoader(directory: storeFixture("2017"), models: models).load().round?.assessedOn
        let fromStore = try store.dataset(round: "2017", models: models).round?.assessedOn
        #expect(fromFolder != nil && fromStore == fromFolder)
        #expect(try store.register(round: "2017").map(\.finding.facilityID) == ["TP002"])
    }

    /// A county imported twice is refused; with replace only its rows change and the other counties' stay.
    @Test(arguments: TestBackend.all) func aCountyIsReplacedAlone(backend: TestBackend) throws {
        let models = try Self.models.get()
        let store = try backend.emptyStore()
        try store.importCounty(try part("会理县"), id: "2017", source: "a", replace: false)
        try store.importCounty(try part("会东县"), id: "2017", source: "b", replace: false)
        let error = mineRiskError { _ = try store.importCounty(try part("会理县"), id: "2017", source: "a", replace: false) }
        #expect(error?.exitStatus == .cantCreate)
        #expect(error?.description.contains("round 2017 already holds 2 facilities of 会理县; pass --replace") == true, "\(String(describing: error))")
        let again = try store.importCounty(try part("会理县"), id: "2017", source: "a", replace: true)
        #expect(again.replaced && again.facilities == 2)
        let ids = try store.dataset(round: "2017", models: models).facilities.map(\.id)
        #expect(ids.sorted() == ["TP001", "TP002", "UG001"])
        let assessments = try store.dataset(round: "2017", models: models).assessments.count
        #expect(try store.rounds()[0].assessments == assessments)
    }

    @Test func aCountyWithoutFacilitiesIsRefusedNamingTheCounties() throws {
        let error = mineRiskError { _ = try part("西昌") }
        #expect(error?.exitStatus == .usage)
        #expect(error?.description.contains("no facility of") == true && error?.description.contains("(nearest: 西昌市)") == true, "\(String(describing: error))")
    }
}
