import Foundation

/// A pairwise judgement: a positive number written as a number or as a fraction such as "1/3".
public struct Judgement: Codable, Sendable, Hashable {
    public var value: Double

    public init(_ value: Double) { self.value = value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = parseJudgement(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a number or a fraction such as 1/3, found \"\(text)\"")
        }
        value = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// Parses "3", "0.5" or "1/3"; nil when the text is neither.
public func parseJudgement(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
        return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
    case 2:
        guard let n = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let d = Double(parts[1].trimmingCharacters(in: .whitespaces)), d != 0,
              (n / d).isFinite else { return nil }
        return n / d
    default:
        return nil
    }
}
