/// Decoding scenario files: every value remembers where it is written. `ScenarioLoader` checks the format
/// (`FormatCheck`) and every mapping's keys (`keys`) first; values are checked against the register later, by
/// `ScenarioValidator`.
extension CoalScenario: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, name, details = "description", source, start, keep, steps
    }

    /// The keys of every mapping of a scenario file: a misspelt key is refused where it is written, a rule of
    /// version 1 with what replaced it.
    static let keys = YAMLKeySchema(CodingKeys.allCases.map(\.rawValue), [
        "format": YAMLKeySchema(["kind", "version"]),
        "name": .bilingual,
        "steps": YAMLKeySchema(ScenarioStep.CodingKeys.allCases.map(\.rawValue), [
            "actions": YAMLKeySchema(ScenarioRule.keys + ["reason"], retired: ScenarioRule.retiredKeys, [
                "upgrade": YAMLKeySchema(["mine", "capacityTpa"]),
                "merge": YAMLKeySchema(["mines", "into", "capacityTpa"]),
                "reduceAtOrBelow": YAMLKeySchema(["capacityTpa", "share"]),
                "reduceUnder": YAMLKeySchema(["capacityTpa", "share"]),
            ]),
        ]),
    ])

    /// The file's `format:`, checked before anything else: a file of another kind should be named as such, a file
    /// of another version refused at its version, not as a list of unknown keys.
    struct FormatCheck: Decodable {
        enum CodingKeys: String, CodingKey { case format }

        init(from decoder: Decoder) throws {
            let format = try decoder.container(keyedBy: CodingKeys.self).decode(FormatHeader.self, forKey: .format)
            let formatPath = decoder.codingPath + [CodingKeys.format]
            guard format.kind == CoalScenario.formatKind else {
                throw DecodingError.dataCorrupted(.init(codingPath: formatPath + [AnyCodingKey("kind")],
                    debugDescription: "expected \"\(CoalScenario.formatKind)\", found \"\(format.kind)\": this is not a coal scenario"))
            }
            guard format.version == CoalScenario.formatVersion else {
                throw DecodingError.dataCorrupted(.init(codingPath: formatPath + [AnyCodingKey("version")],
                    debugDescription: CoalScenario.versionProblem(found: format.version)))
            }
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(BilingualName.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .details)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        if let text = try c.decodeIfPresent(String.self, forKey: .start) {
            guard let value = ScenarioStart(rawValue: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.start],
                    debugDescription: "expected recorded or baseline, found \"\(text)\""))
            }
            start = value
        } else {
            start = .recorded
        }
        keep = try c.decodeIfPresent([Located<String>].self, forKey: .keep) ?? []
        steps = try c.decodeIfPresent([ScenarioStep].self, forKey: .steps) ?? []
        file = nil
        sha256 = nil
    }
}

extension ScenarioStep: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case year, note, actions }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Located<Int>.self, forKey: .year)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        actions = try c.decode([ScenarioAction].self, forKey: .actions)
        guard !actions.isEmpty else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.actions],
                debugDescription: "a step needs at least one action (\(ScenarioRule.keys.joined(separator: ", ")))"))
        }
    }
}

extension ScenarioAction: Decodable {
    public init(from decoder: Decoder) throws {
        let rules = try decoder.mappingKeys().filter { ScenarioRule.keys.contains($0) }
        guard rules.count == 1, let key = rules.first else {
            let message = rules.isEmpty
                ? "an action needs one rule: one of \(ScenarioRule.keys.joined(separator: ", "))"
                : "an action has exactly one rule, found \(rules.joined(separator: " and ")): write them as separate actions"
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
        }
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        let k = AnyCodingKey(key)
        switch key {
        case "closeAtOrBelow":
            rule = .closeCapacity(CapacityLine(try c.decode(Located<Double>.self, forKey: k), .included))
        case "closeUnder":
            rule = .closeCapacity(CapacityLine(try c.decode(Located<Double>.self, forKey: k), .excluded))
        case "closeGrade":
            rule = .closeGrade(try c.decode(Located<GradeThreshold>.self, forKey: k))
        case "close":
            rule = .close(try c.decode([Located<String>].self, forKey: k))
        case "upgrade":
            let spec = try c.decode(UpgradeSpec.self, forKey: k)
            rule = .upgrade(mine: spec.mine, capacityTpa: spec.capacityTpa)
        case "merge":
            let spec = try c.decode(MergeSpec.self, forKey: k)
            rule = .merge(mines: spec.mines, into: spec.into, capacityTpa: spec.capacityTpa)
        default:
            let spec = try c.decode(ReductionSpec.self, forKey: k)
            rule = .reduce(CapacityLine(spec.capacityTpa, key == "reduceAtOrBelow" ? .included : .excluded), share: spec.share)
        }
        reason = try c.decodeIfPresent(String.self, forKey: AnyCodingKey("reason"))
        location = decoder.sourceLocation
    }
}

/// `upgrade: {mine: ID, capacityTpa: N}`.
private struct UpgradeSpec: Decodable {
    var mine: Located<String>
    var capacityTpa: Located<Double>
}

/// `merge: {mines: [ID, …], into: ID, capacityTpa: N}`.
private struct MergeSpec: Decodable {
    var mines: [Located<String>]
    var into: Located<String>
    var capacityTpa: Located<Double>
}

/// `reduceAtOrBelow: {capacityTpa: N, share: 0.5}` or `reduceUnder: {…}`.
private struct ReductionSpec: Decodable {
    var capacityTpa: Located<Double>
    var share: Located<Double>
}
