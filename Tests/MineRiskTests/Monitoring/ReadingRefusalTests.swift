import Foundation
import Testing
@testable import MineRisk

/// Every refusal of bad monitoring input names file, line and column (exit 65 through the CLI).
@Suite struct ReadingRefusalTests {
    let points = ["F1,TP1,freeboard,m,crest,2016-01-01,10", "R1,TP1,rainfall,mm,gauge,2016-01-01,10"]

    func refusal(points: [String]? = nil, readings: [String]) throws -> String {
        let fixture = try MonitoringFixture(points: points ?? self.points, readings: readings)
        do {
            _ = try fixture.report()
            return ""
        } catch let error as MineRiskError {
            #expect(error.exitStatus == .dataError)
            return error.description
        }
    }

    @Test func unknownPoint() throws {
        let text = try refusal(readings: ["F1,2017-07-01T00:00:00+08:00,2,good", "X9,2017-07-01T00:00:00+08:00,2,good"])
        #expect(text.contains("readings.csv:3:1: unknown point \"X9\""), "\(text)")
    }

    @Test func timeBackwardsAndDuplicates() throws {
        let back = try refusal(readings: ["F1,2017-07-01T00:10:00+08:00,2,good", "F1,2017-07-01T00:00:00+08:00,2,good"])
        #expect(back.contains("readings.csv:3:2: time runs backwards for F1"), "\(back)")
        let duplicate = try refusal(readings: ["F1,2017-07-01T00:10:00+08:00,2,good", "R1,2017-07-01T00:10:00+08:00,0,good", "F1,2017-07-01T00:10:00+08:00,2,good"])
        #expect(duplicate.contains("readings.csv:4:2: duplicate reading of F1 at 2017-07-01T00:10:00+08:00 (first on line 2)"), "\(duplicate)")
        // The same instant written at another offset is the same reading.
        let offset = try refusal(readings: ["F1,2017-07-01T00:10:00+08:00,2,good", "F1,2017-06-30T16:10:00Z,2,good"])
        #expect(offset.contains("readings.csv:3:2: duplicate reading"), "\(offset)")
    }

    @Test func impossibleValuesAndBadFields() throws {
        let negative = try refusal(readings: ["R1,2017-07-01T00:10:00+08:00,-0.5,good"])
        #expect(negative.contains("readings.csv:2:3: value -0.5 mm is impossible for rainfall"), "\(negative)")
        let text = try refusal(readings: ["F1,2017-07-01T00:10:00+08:00,abc,good"])
        #expect(text.contains("readings.csv:2:3: value: expected a finite number"), "\(text)")
        let noOffset = try refusal(readings: ["F1,2017-07-01T00:10:00,2,good"])
        #expect(noOffset.contains("readings.csv:2:2: expected an ISO 8601 time with its offset"), "\(noOffset)")
        let quality = try refusal(readings: ["F1,2017-07-01T00:10:00+08:00,2,okay"])
        #expect(quality.contains("readings.csv:2:4: quality: expected good, suspect or bad"), "\(quality)")
        // Negative freeboard is possible (water over the crest): accepted.
        #expect(try refusal(readings: ["F1,2017-07-01T00:10:00+08:00,-0.1,good"]).isEmpty)
    }

    @Test func pointsFileRefusals() throws {
        let unit = try refusal(points: ["F1,TP1,freeboard,cm,crest,2016-01-01,10"], readings: [])
        #expect(unit.contains("points.csv:2:4: unit \"cm\" does not fit freeboard: expected m"), "\(unit)")
        let item = try refusal(points: ["F1,TP1,crest_height,m,crest,2016-01-01,10"], readings: [])
        #expect(item.contains("points.csv:2:3: unknown item \"crest_height\""), "\(item)")
        let pond = try refusal(points: ["F1,TP9,freeboard,m,crest,2016-01-01,10"], readings: [])
        #expect(pond.contains("points.csv:2:2: facility_id: expected a tailings pond"), "\(pond)")
    }

    /// --skip-invalid keeps the good readings and lists every rejected line with its reason.
    @Test func skipInvalidRejects() throws {
        let fixture = try MonitoringFixture(points: points, readings: ["F1,2017-07-01T00:00:00+08:00,2,good", "X9,2017-07-01T00:00:00+08:00,2,good",
                                                                        "R1,2017-07-01T00:00:00+08:00,-1,good", "F1,2017-07-01T00:10:00+08:00,2,good"])
        let report = try fixture.report(skipInvalid: true)
        #expect(report.rejects.map(\.line) == [3, 4])
        #expect(report.provenance.readings == 2)
    }
}
