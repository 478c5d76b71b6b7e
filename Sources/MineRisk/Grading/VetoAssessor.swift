/// Finds the vetoes (一票否决) of a facility on a day: open major hazards.csv rows whose code is on the list in force, and
/// hazards that the facility's own facilities.csv record shows (`derivedFrom` in the model).
struct VetoAssessor {
    let model: IndicatorModel
    let date: String
    let rules: [VetoRule]
    let list: VetoList?
    /// The rule codes, in the rules' order, and the facilities.csv fields that derive each (rule index, field,
    /// values): worked out once, so that a facility with no hazard row and no such field costs no copy of a rule.
    private let codes: [String]
    private let derivations: [(rule: Int, field: String, values: [String])]

    init(model: IndicatorModel, date: String) {
        self.model = model
        self.date = date
        let (rules, list) = model.vetoes(on: date)
        (self.rules, self.list) = (rules, list)
        codes = rules.map(\.code)
        derivations = rules.indices.flatMap { r in (rules[r].derivedFrom ?? []).map { (r, $0.field, $0.values) } }
    }

    /// The list chosen, for provenance.
    var rule: RuleInForce {
        RuleInForce(id: "vetoes:\(model.kind.rawValue)",
                    text: list.map { "list \($0.id) (\(rules.count) items)" } ?? "all \(rules.count) vetoes of the model",
                    source: list?.cite ?? "the model file's vetoes")
    }

    /// The facility's vetoes, one per code, and findings for hazard rows whose code is not on the list in force.
    func assess(_ facility: Facility, hazards: [HazardFinding]) -> (vetoes: [VetoFinding], findings: [String]) {
        // (rule index, where it was found), in the order found.
        var sources: [(rule: Int, source: String)] = []
        var findings: [String] = []
        // DOMAIN §10 [verify per province]: an open major danger grades its facility major; a closed one stays in
        // the register without vetoing, and a general danger never vetoes.
        for hazard in hazards where hazard.level == .major && hazard.status.isOpen {
            let code = hazard.veto ?? hazard.code
            if let rule = codes.firstIndex(of: code) {
                sources.append((rule, "hazards.csv:\(hazard.line)"))
            } else {
                findings.append("hazard \(hazard.code) (hazards.csv:\(hazard.line)) is not on the major-hazard list in force on \(date)\(list.map { " (\($0.id))" } ?? "")")
            }
        }
        for derived in derivations {
            guard let value = facility.fieldValue(derived.field), derived.values.contains(value) else { continue }
            sources.append((derived.rule, "facilities.csv:\(facility.line) \(derived.field)"))
        }
        guard !sources.isEmpty else { return ([], findings) }
        // One veto per rule (a code listed twice gathers the sources of both), in the rules' order.
        var vetoes: [VetoFinding] = []
        for r in rules.indices {
            let found = sources.filter { codes[$0.rule] == codes[r] }.map(\.source)
            guard !found.isEmpty else { continue }
            vetoes.append(VetoFinding(code: codes[r], text: rules[r].text.zh, source: found.joined(separator: "; ")))
        }
        return (vetoes, findings)
    }
}
