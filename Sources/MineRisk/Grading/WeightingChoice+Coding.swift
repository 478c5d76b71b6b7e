/// JSON of a weighting choice, typed: `{"method": "ahp"}`, `{"method": "critic", "normalization": "minmax"}`,
/// `{"method": "combined", "objective": "entropy", "normalization": "minmax", "combination": "linear", "alpha": 0.5}`
/// or `… "combination": "multiplicative"}`.
extension WeightingChoice: Codable {
    enum CodingKeys: String, CodingKey {
        case method, objective, normalization, combination, alpha
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ahp:
            try c.encode("ahp", forKey: .method)
        case let .objective(method, normalization):
            try c.encode(method, forKey: .method)
            try c.encode(normalization, forKey: .normalization)
        case let .combined(method, normalization, rule):
            try c.encode("combined", forKey: .method)
            try c.encode(method, forKey: .objective)
            try c.encode(normalization, forKey: .normalization)
            switch rule {
            case let .linear(alpha):
                try c.encode("linear", forKey: .combination)
                try c.encode(alpha, forKey: .alpha)
            case .multiplicative:
                try c.encode("multiplicative", forKey: .combination)
            }
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let method = try c.decode(String.self, forKey: .method)
        switch method {
        case "ahp":
            self = .ahp
        case "combined":
            let objective = try c.decode(ObjectiveMethod.self, forKey: .objective)
            let normalization = try c.decode(EntropyNormalization.self, forKey: .normalization)
            switch try c.decode(String.self, forKey: .combination) {
            case "linear": self = .combined(objective, normalization, .linear(alpha: try c.decode(Double.self, forKey: .alpha)))
            case "multiplicative": self = .combined(objective, normalization, .multiplicative)
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .combination, in: c, debugDescription: "expected linear or multiplicative, found \"\(other)\"")
            }
        default:
            guard let objective = ObjectiveMethod(rawValue: method) else {
                throw DecodingError.dataCorruptedError(forKey: .method, in: c, debugDescription: "expected ahp, combined, \(ObjectiveMethod.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(method)\"")
            }
            self = .objective(objective, try c.decode(EntropyNormalization.self, forKey: .normalization))
        }
    }

    /// The choice a label names (`label` read back), for runs saved before the choice was written typed.
    public init?(label: String) {
        func objective(_ text: Substring) -> (ObjectiveMethod, EntropyNormalization)? {
            guard text.hasSuffix(")"), let open = text.firstIndex(of: "("),
                  let method = ObjectiveMethod(rawValue: String(text[..<open])),
                  let normalization = EntropyNormalization(rawValue: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            else { return nil }
            return (method, normalization)
        }
        if label == "ahp" {
            self = .ahp
        } else if label.hasPrefix("ahp+"), let space = label.firstIndex(of: " "), label[space...].hasPrefix(" linear α="),
                  let (method, normalization) = objective(label[label.index(label.startIndex, offsetBy: 4)..<space]),
                  let alpha = Double(label[label.index(space, offsetBy: " linear α=".count)...]) {
            self = .combined(method, normalization, .linear(alpha: alpha))
        } else if label.hasPrefix("ahp×"), label.hasSuffix(" multiplicative"),
                  let (method, normalization) = objective(label.dropFirst(4).dropLast(" multiplicative".count)) {
            self = .combined(method, normalization, .multiplicative)
        } else if let (method, normalization) = objective(Substring(label)) {
            self = .objective(method, normalization)
        } else {
            return nil
        }
    }

    /// Encodes the choice twice: its label at `label` (as JSON was written before the choice was typed), typed at `typed`.
    func encode<Key: CodingKey>(to c: inout KeyedEncodingContainer<Key>, typed: Key, label: Key) throws {
        try c.encode(self.label, forKey: label)
        try c.encode(self, forKey: typed)
    }

    /// Decodes the typed choice at `typed`, or else reads back the label at `label` (JSON written before the
    /// choice was typed).
    static func decode<Key: CodingKey>(from c: KeyedDecodingContainer<Key>, typed: Key, label: Key) throws -> WeightingChoice {
        if let choice = try c.decodeIfPresent(WeightingChoice.self, forKey: typed) { return choice }
        let text = try c.decode(String.self, forKey: label)
        guard let choice = WeightingChoice(label: text) else {
            throw DecodingError.dataCorruptedError(forKey: label, in: c, debugDescription: "not a weighting minerisk writes: \"\(text)\"")
        }
        return choice
    }
}
