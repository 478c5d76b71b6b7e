/// Finds the vetoes (一票否决) of a facility on a day: open major hazards.csv rows whose code is on the list in force, and
/// hazards that the facility's own facilities.csv record shows (`derivedFrom` in the model).
struct VetoAssessor {
    let model: IndicatorModel
    let date: String
    let rules: [VetoRule]
    let list: VetoList?

    init(model: IndicatorModel, date: String) {
        self.model = model
        self.date = date
        (rules, list) = model.vetoes(on: date)
    }

    /// The list chosen, for provenance.
    var rule: RuleInForce {
        RuleInForce(id: "vetoes:\(model.kind.rawValue)",
                    text: list.map { "list \($0.id) (\(rules.count) items)" } ?? "all \(rules.count) vetoes of the model",
                    source: list?.cite ?? "the model file's vetoes")
    }

    /// The facility's vetoes, one per code, and findings for hazard rows whose code is not on the list in force.
    func assess(_ facility: Facility, hazards: [HazardFinding]) -> (vetoes: [VetoFinding], findings: [String]) {
        var sources: [(code: String, source: String)] = []
        var findings: [String] = []
        // DOMAIN §10 [verify per province]: an open major danger grades its facility major; a closed one stays in
        // the register without vetoing, and a general danger never vetoes.
        for hazard in hazards where hazard.level == .major && hazard.status.isOpen {
            let code = hazard.veto ?? hazard.code
            if rules.contains(where: { $0.code == code }) {
                sources.append((code, "hazards.csv:\(hazard.line)"))
            } else {
                findings.append("hazard \(hazard.code) (hazards.csv:\(hazard.line)) is not on the major-hazard list in force on \(date)\(list.map { " (\($0.id))" } ?? "")")
            }
        }
        for rule in rules {
            for derived in rule.derivedFrom ?? [] {
                guard let value = facility.fieldValue(derived.field), derived.values.contains(value) else { continue }
                sources.append((rule.code, "facilities.csv:\(facility.line) \(derived.field)"))
            }
        }
        var vetoes: [VetoFinding] = []
        for rule in rules {
            let found = sources.filter { $0.code == rule.code }.map(\.source)
            guard !found.isEmpty else { continue }
            vetoes.append(VetoFinding(code: rule.code, text: rule.text.zh, source: found.joined(separator: "; ")))
        }
        return (vetoes, findings)
    }
}
