import Foundation

/// Rebuilds a stored round as the `Dataset` its data folder gave, from rows read back in file order; every store's
/// `dataset(round:models:)` feeds it, so that grading a stored round gives what grading the folder gave.
struct StoredRoundBuilder {
    let store: String
    let round: String
    let models: ModelSet
    let facilities: [Facility]
    let experts: [Expert]
    private let facilityIndex: [String: Int32]
    private let expertIndex: [String: Int32]
    private var table = AssessmentTable()
    private var problems = ProblemList()

    /// Starts with the round's facilities and experts; a kind the models lack is a problem reported at the end.
    init(store: String, round: String, models: ModelSet, facilities: [Facility], experts: [Expert]) {
        self.store = store
        self.round = round
        self.models = models
        self.facilities = facilities
        self.experts = experts
        facilityIndex = Dictionary(facilities.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        expertIndex = Dictionary(experts.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        for kind in Set(facilities.map(\.kind)) where models[kind] == nil {
            let members = facilities.filter { $0.kind == kind }
            problems.add(SourceLocation(file: "\(store) round \(round)"),
                         "\(members.count) facilit\(members.count == 1 ? "y is" : "ies are") of kind \(kind.rawValue) (first \(members[0].id)), and the models folder has no \(kind.rawValue) model")
        }
    }

    /// One stored assessment, in file order.
    mutating func add(position: Int, facility facilityID: String, expert expertID: String, indicator indicatorID: String, value: Double) {
        guard let f = facilityIndex[facilityID], let e = expertIndex[expertID] else { return }
        let kind = facilities[Int(f)].kind
        guard let (modelKind, j) = models.indicatorIndex[indicatorID], modelKind == kind else {
            problems.add(SourceLocation(file: "\(store) round \(round)", path: "assessments[\(position)]"),
                         "indicator \"\(indicatorID)\" of facility \(facilityID) is not in the \(kind.rawValue) model of the models folder; grade with the models the round was imported with")
            return
        }
        table.facility.append(f)
        table.expert.append(e)
        table.indicator.append(Int32(j))
        table.value.append(value)
    }

    /// The dataset, with the register's findings and the hashes and round.yaml of the archived files.
    func finish(hazards: [HazardFinding], files: [(name: String, content: [UInt8])]) throws -> Dataset {
        try problems.throwIfAny()
        // The hashes DatasetLoader records are of the text it parsed, so they are taken the same way here. A round
        // built by county imports has its files under counties/COUNTY/; the first county's round.yaml dates it.
        var hashes: [String: String] = [:]
        var round: RoundMetadata?
        for file in files.sorted(by: { $0.name < $1.name }) {
            let base = (file.name as NSString).lastPathComponent
            guard DatasetLoader.requiredFiles.contains(base) || base == RoundMetadata.fileName,
                  file.name == base || file.name.hasPrefix("counties/") else { continue }
            let text = try TextFile(data: file.content, displayName: file.name)
            hashes[file.name] = sha256Hex(text.bytes)
            if base == RoundMetadata.fileName, round == nil {
                round = try RoundMetadata.parse(String(decoding: text.bytes, as: UTF8.self), file: file.name)
            }
        }
        return Dataset(directory: "\(store)#round=\(self.round)", facilities: facilities, experts: experts, assessments: table,
                       hazards: hazards, rejects: [], rejectedFacilities: 0, digests: FileDigests(hashes: hashes), round: round)
    }
}

extension Facility {
    /// A facility from a stored row: the kind's own fields from the columns of the same names (`value` reads one);
    /// a row without a field its kind needs has none.
    static func stored(store: String, id: String, name: String, kind kindText: String, county: String, standardized: Bool,
                       status statusText: String, idleMonths: Int, position: Int,
                       value: (FacilityField) throws -> FacilityFieldValue?) throws -> Facility {
        guard let kind = FacilityKind(rawValue: kindText), let status = FacilityStatus(rawValue: statusText) else {
            throw MineRiskError.invalid(SourceLocation(file: store), "facility \(id) has kind \"\(kindText)\" and status \"\(statusText)\", which this minerisk does not know")
        }
        // Rows are stored in file order after the header, one line each.
        var facility = Facility(id: id, name: name, kind: kind, county: county, standardized: standardized,
                                status: status, idleMonths: idleMonths, line: position + 2)
        var values = FacilityValues()
        for field in kind.profile.fields {
            switch (field.value, try value(field)) {
            case let (.choice(choices), .choice(text)?): values[field.column] = choices.contains(text) ? .choice(text) : nil
            case let (_, stored): values[field.column] = stored
            }
        }
        if kind.profile.fields.allSatisfy({ $0.needs == nil || values[$0.column] != nil }) { facility.values = values }
        return facility
    }
}
