import Foundation
import Yams

/// A hidden danger's level (SAWS Order 16 第三条): general (一般, small harm, fixed when found) or major (重大).
public enum HazardLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case general, major

    public static func < (a: HazardLevel, b: HazardLevel) -> Bool { a == .general && b == .major }
}

/// One item of a list of hidden dangers: its code, level, the regulation's wording and clause.
public struct HazardItem: Sendable, Hashable, Codable {
    public var code: String
    public var level: HazardLevel
    /// The model veto code it grades by (its category for a coal sub-item); nil for a general danger.
    public var veto: String?
    public var text: String
    public var source: String
    /// False where the text could not be checked against the regulation.
    public var verified: Bool?
}

/// A list of hidden dangers in `Lists/`: an official list of major ones, in force between two days, or the
/// general categories (no kind: every kind).
public struct HazardList: Sendable, Hashable, Codable {
    public struct Format: Sendable, Hashable, Codable { public var kind: String; public var version: Int }
    public var format: Format
    public var id: String
    public var kind: FacilityKind?
    public var title: String
    public var cite: String
    public var from: String?
    public var until: String?
    /// The item count the regulation itself declares, where the file may carry fewer.
    public var declaredItems: Int?
    public var items: [HazardItem]

    public func inForce(on date: String) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
    }
}

/// Every list in `Lists/`: which code is known for a kind, its level, and which lists are in force on a day.
public struct HazardCatalog: Sendable {
    public let lists: [HazardList]

    public init(lists: [HazardList]) { self.lists = lists }

    public static let format = 1

    /// Reads every `*.yaml` of a folder; a wrong `format:` or a duplicate code within a kind is an error.
    public static func load(directory: String) throws -> HazardCatalog {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw MineRiskError.missingInput("\(directory): no such lists folder (pass --lists DIR, or run from the repository root where Lists/ is)")
        }
        var lists: [HazardList] = []
        for name in names.sorted() where name.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(name)
            let text = try TextFile(path: path).string
            let list: HazardList
            do {
                list = try YAMLDecoder().decode(HazardList.self, from: text)
            } catch {
                throw MineRiskError.invalid(SourceLocation(file: path), "not a hazard list: \(error)")
            }
            guard list.format.kind == "hazard-list", list.format.version == format else {
                throw MineRiskError.invalid(SourceLocation(file: path, path: "format"),
                                            "format: expected {kind: hazard-list, version: \(format)}, found {kind: \(list.format.kind), version: \(list.format.version)}")
            }
            lists.append(list)
        }
        let catalog = HazardCatalog(lists: lists)
        for kind in FacilityKind.allCases {
            var seen: [String: String] = [:]
            for list in catalog.lists(for: kind) {
                for item in list.items {
                    if let other = seen[item.code], other != list.id, !catalog.sameItem(item.code, kind: kind) {
                        throw MineRiskError.invalid(SourceLocation(file: directory, path: "\(list.id).items.\(item.code)"),
                                                    "code \(item.code) is in lists \(other) and \(list.id) with different levels")
                    }
                    seen[item.code] = list.id
                }
            }
        }
        return catalog
    }

    /// The lists that carry a kind's codes (its own and the general ones).
    public func lists(for kind: FacilityKind) -> [HazardList] {
        lists.filter { $0.kind == nil || $0.kind == kind }
    }

    /// The lists of a kind in force on a day (the general ones are always in force).
    public func lists(for kind: FacilityKind, on date: String) -> [HazardList] {
        lists(for: kind).filter { $0.inForce(on: date) }
    }

    /// The item of a code for a kind: from a list in force on `date` when one carries it, else from any list.
    public func item(_ code: String, kind: FacilityKind, on date: String? = nil) -> (item: HazardItem, list: HazardList)? {
        let candidates = lists(for: kind).flatMap { list in list.items.filter { $0.code == code }.map { ($0, list) } }
        if let date, let current = candidates.first(where: { $0.1.inForce(on: date) }) { return current }
        return candidates.first
    }

    /// The known code nearest to an unknown one, for an error message.
    public func nearest(to code: String, kind: FacilityKind) -> String? {
        lists(for: kind).flatMap { $0.items.map(\.code) }.min { editDistance($0, code) < editDistance($1, code) }
    }

    private func sameItem(_ code: String, kind: FacilityKind) -> Bool {
        Set(lists(for: kind).flatMap { $0.items.filter { $0.code == code }.map(\.level) }).count == 1
    }
}
