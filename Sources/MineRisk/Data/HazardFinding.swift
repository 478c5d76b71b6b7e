/// Where a hidden danger stands in its rectification (SAWS Order 16 第十五条: 整改 then 验收/销号).
public enum HazardStatus: String, Sendable, Codable, CaseIterable {
    case open, rectifying, closed

    /// Open and rectifying are both not yet accepted: still on the books.
    public var isOpen: Bool { self != .closed }
}

/// One row of the hidden-danger register, hazards.csv. Older files carry only the first four columns;
/// their rows read as open, with the level of their code's list.
public struct HazardFinding: Sendable, Hashable, Codable {
    public var facilityID: String
    public var code: String
    public var description: String
    public var foundOn: String
    /// The line of hazards.csv it was read from (0 when it did not come from a file).
    public var line: Int = 0
    /// The register's id of the finding; `facility_id:line` when the file has no id column.
    public var id: String = ""
    public var level: HazardLevel = .major
    /// The model veto code the finding grades by (a coal sub-item's category); nil for a general danger.
    public var veto: String? = nil
    /// The inspection that found it (检查), e.g. `2017-汛前检查`.
    public var inspection: String = ""
    public var foundBy: String = ""
    /// The day by which it must be rectified and accepted (YYYY-MM-DD); empty for none set.
    public var deadline: String = ""
    /// 五落实 (DOMAIN §10): responsibility, measures, funds, deadline, plan.
    public var responsible: String = ""
    public var measures: String = ""
    public var funds: String = ""
    public var plan: String = ""
    public var status: HazardStatus = .open
    public var acceptedOn: String = ""
    public var acceptedBy: String = ""
    /// How many times it was reopened after closing.
    public var reopened: Int = 0

    public init(facilityID: String, code: String, description: String, foundOn: String, line: Int = 0) {
        self.facilityID = facilityID
        self.code = code
        self.description = description
        self.foundOn = foundOn
        self.line = line
    }

    /// The register's columns, in the order hazards.csv writes them.
    public static let columns = ["id", "facility_id", "code", "level", "description", "inspection", "found_on", "found_by",
                                 "deadline", "responsible", "measures", "funds", "plan", "status", "accepted_on", "accepted_by", "reopened"]

    /// The row's cells under `columns`.
    public var cells: [String] {
        [id, facilityID, code, level.rawValue, description, inspection, foundOn, foundBy, deadline, responsible, measures,
         funds, plan, status.rawValue, acceptedOn, acceptedBy, String(reopened)]
    }
}
