/// Merges the answers of filled forms into a round's assessments.
///
/// An answer equal to the expert's recorded value (a locked cell read back) changes nothing; a different one is a
/// conflict, and so are two answers of the same expert for the same pair that disagree. A conflicting answer is
/// never written: the recorded value stays, and a pair the answers disagree on gets no value.
public struct AssessmentMerge: Sendable {
    /// A new row of assessments.csv.
    public struct Row: Sendable, Hashable {
        public var facilityID: String
        public var expertID: String
        public var indicatorID: String
        public var value: Double
    }

    public private(set) var added: [Row] = []
    /// Answers equal to a recorded value, or repeating an answer read before.
    public private(set) var unchanged = 0
    public private(set) var conflicts: [FormConflict] = []
    /// Facilities still without a value for some indicator after the merge, with those indicators' ids.
    public private(set) var stillMissing: [(facilityID: String, indicators: [String])] = []
    /// Facilities complete before and after the merge.
    public private(set) var completeBefore = 0
    public private(set) var completeAfter = 0

    private struct Key: Hashable {
        let facility: String, expert: String, indicator: String
    }

    public init(dataset: Dataset, models: ModelSet, forms: [FilledForm]) {
        var recorded: [Key: Double] = [:]
        var answered: [Int: Set<Int>] = [:]
        let table = dataset.assessments
        for i in 0..<table.count {
            let facility = dataset.facilities[Int(table.facility[i])]
            let indicator = models[facility.kind]!.model.indicators[Int(table.indicator[i])]
            recorded[Key(facility: facility.id, expert: dataset.experts[Int(table.expert[i])].id, indicator: indicator.id)] = table.value[i]
            answered[Int(table.facility[i]), default: []].insert(Int(table.indicator[i]))
        }
        let answeredBefore = answered
        var order: [Key] = []
        var new: [Key: [FormAnswer]] = [:]
        var conflicting: [Key: FormConflict] = [:]
        for answer in forms.flatMap(\.answers) {
            let key = Key(facility: answer.facilityID, expert: answer.expertID, indicator: answer.indicatorID)
            if let value = recorded[key] {
                if Self.same(value, answer.value) {
                    unchanged += 1
                } else {
                    conflicting[key, default: FormConflict(expertID: key.expert, facilityID: key.facility, indicatorID: key.indicator,
                                                           recorded: value, answers: [])].answers.append(answer)
                    if !order.contains(key) { order.append(key) }
                }
            } else if let earlier = new[key] {
                if Self.same(earlier[0].value, answer.value) {
                    unchanged += 1
                } else {
                    new[key]!.append(answer)
                }
            } else {
                new[key] = [answer]
                order.append(key)
            }
        }
        let facilityIndex = Dictionary(dataset.facilities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for key in order {
            if let conflict = conflicting[key] {
                conflicts.append(conflict)
            } else if let answers = new[key], answers.count > 1 {
                conflicts.append(FormConflict(expertID: key.expert, facilityID: key.facility, indicatorID: key.indicator, recorded: nil, answers: answers))
            } else if let answer = new[key]?.first {
                added.append(Row(facilityID: key.facility, expertID: key.expert, indicatorID: key.indicator, value: answer.value))
                let f = facilityIndex[key.facility]!
                answered[f, default: []].insert(models.indicatorIndex[key.indicator]!.index)
            }
        }
        for (f, facility) in dataset.facilities.enumerated() {
            guard let model = models[facility.kind]?.model else { continue }
            let missing = model.indicators.indices.filter { !(answered[f] ?? []).contains($0) }.map { model.indicators[$0].id }
            if missing.isEmpty { completeAfter += 1 } else { stillMissing.append((facility.id, missing)) }
            if (answeredBefore[f] ?? []).count == model.indicators.count { completeBefore += 1 }
        }
    }

    /// Values equal up to the last digits a spreadsheet may round away.
    static func same(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }
}
