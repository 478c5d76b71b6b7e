import Foundation
import Testing
@testable import MineRisk

/// A kind's own facilities.csv columns are read as its profile declares them (Model/Kinds/).
extension DatasetValidationTests {
    /// The columns and the derivable fields the profiles give are the ones the reader and the models have known.
    @Test func theKindsProfilesDeclareTheirColumns() {
        #expect(FacilityKind.allFields.map(\.column) == [
            "storage_volume_10k_m3", "dam_height_m", "online_monitoring", "slope_safety_factor", "required_safety_factor",
            "freeboard_ok", "beach_length_ok", "flood_discharge", "capacity_tpa",
        ])
        #expect(FacilityFields.derivable == [
            "flood_discharge": ["normal", "partly_blocked", "seriously_blocked", "collapsed"], "freeboard_ok": ["yes", "no"],
            "beach_length_ok": ["yes", "no"], "online_monitoring": ["yes", "no"], "status": ["operating", "idle"],
        ])
    }

    @Test func aFieldTheKindNeedsMayNotBeBlank() throws {
        let found = try problems(["facilities.csv": { $0.replacingOccurrences(of: ",1500,25,yes,", with: ",1500,,yes,") }])
        let first = try #require(found.first)
        #expect((first.location.line, first.location.column) == (2, 9))
        #expect(first.message == "dam_height_m: a tailings pond needs its dam height (m), found an empty cell")
    }

    /// Without the column, the kind's cell is what calls for it.
    @Test func aMissingNeededColumnIsPointedAtTheKind() throws {
        let withoutHeight: (String) -> String = { text in
            text.split(separator: "\n").map { line in
                var cells = line.split(separator: ",", omittingEmptySubsequences: false)
                cells.remove(at: 8)
                return cells.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        let found = try problems(["facilities.csv": withoutHeight])
        let first = try #require(found.first)
        #expect((first.location.line, first.location.column) == (2, 3))
        #expect(first.message == "dam_height_m: a tailings pond needs its dam height (m), found an empty cell")
    }

    @Test func aChoiceMustBeOneOfItsValues() throws {
        let found = try problems(["facilities.csv": { $0.replacingOccurrences(of: ",yes,yes,normal,", with: ",yes,yes,blocked,") }])
        let first = try #require(found.first)
        #expect((first.location.line, first.location.column) == (2, 15))
        #expect(first.message == "flood_discharge: expected one of normal, partly_blocked, seriously_blocked, collapsed, found \"blocked\"")
    }

    /// Each facility keeps its own kind's fields: a pond's cells on a mine's row are not read.
    @Test func onlyTheKindsOwnFieldsAreKept() throws {
        let folder = try dataset(["facilities.csv": { $0.replacingOccurrences(of: "会东,yes,operating,,,,", with: "会东,yes,operating,,800,40,") }])
        let facilities = try DatasetLoader(directory: folder.path, models: Self.models).load().facilities
        let byID = Dictionary(uniqueKeysWithValues: facilities.map { ($0.id, $0) })
        #expect(byID["UG1"]?.values.isEmpty == true && byID["OP1"]?.values.isEmpty == true)
        #expect(byID["TP1"]?.pond == PondData(storageVolume: 1500, damHeight: 25, onlineMonitoring: true, slopeSafetyFactor: 1.30,
                                             freeboardOK: true, beachLengthOK: true, floodDischarge: .normal))
        #expect(byID["CM1"]?.capacityTpa == 150000 && byID["CM1"]?.pond == nil)
        #expect(byID["TP1"]?.fieldValue("flood_discharge") == "normal" && byID["TP1"]?.fieldValue("dam_height_m") == nil)
    }

    /// Cells read from their bytes when spelt as the names (`CellWords`) read the same when spelt otherwise: padded,
    /// in capitals, in Chinese; a cell that is no name is still named in the problem, as the cell was written.
    @Test func kindsStatusesFlagsAndChoicesReadTheSameHoweverSpelt() throws {
        let respelt = try dataset(["facilities.csv": { $0
            .replacingOccurrences(of: "TP1,示例尾矿库,tailings_pond,会理,yes,operating,,1500,25,yes,1.30,,yes,yes,normal,",
                                  with: "TP1,示例尾矿库, tailings_pond ,会理,Yes,\tidle ,3,1500,25,是,1.30,,TRUE,否,partly_blocked ,")
            .replacingOccurrences(of: "OP1,示例露天矿,open_pit_mine,盐源,no,",
                                  with: "OP1,示例露天矿,open_pit_mine,盐源, N ,") }])
        let facilities = try DatasetLoader(directory: respelt.path, models: Self.models).load().facilities
        let byID = Dictionary(uniqueKeysWithValues: facilities.map { ($0.id, $0) })
        let pond = try #require(byID["TP1"])
        #expect(pond.kind == .tailingsPond && pond.standardized && pond.status == .idle && pond.idleMonths == 3)
        #expect(pond.pond == PondData(storageVolume: 1500, damHeight: 25, onlineMonitoring: true, slopeSafetyFactor: 1.30,
                                      freeboardOK: true, beachLengthOK: false, floodDischarge: .partlyBlocked))
        #expect(byID["OP1"]?.standardized == false)

        let found = try problems(["facilities.csv": { $0
            .replacingOccurrences(of: "会东,yes,operating,", with: "会东,yes,closed,")
            .replacingOccurrences(of: "盐源,no,", with: "盐源,yesno,")
            .replacingOccurrences(of: ",yes,yes,normal,", with: ",yes,maybe,normal,") }])
        #expect(found.map(\.message).filter { !$0.contains("was rejected") } == [
            "beach_length_ok: expected yes or no, found \"maybe\"",
            "status: expected operating or idle, found \"closed\"",
            "standardized: expected yes or no, found \"yesno\"",
        ])
    }
}
