import Foundation

/// Which side of a capacity line a mine exactly at it falls on.
public enum LineBoundary: String, Sendable, Codable, CaseIterable {
    /// The line itself is in: capacity ≤ line (及以下, "or less").
    case included
    /// The line itself is out: capacity < line (以下(不含), "under").
    case excluded

    /// ≤ or <.
    public var symbol: String { self == .included ? "≤" : "<" }
}

/// A capacity line of a closure policy, in t/yr, with its boundary: every rule that draws a line says
/// whether a mine exactly at it is caught (seeds/scenarios/README.md, "Capacity lines").
public struct CapacityLine: Sendable, Equatable {
    public var capacityTpa: Located<Double>
    public var boundary: LineBoundary

    public init(_ capacityTpa: Located<Double>, _ boundary: LineBoundary) {
        self.capacityTpa = capacityTpa
        self.boundary = boundary
    }

    /// True when a mine of this capacity is on the policy's side of the line.
    public func covers(_ tpa: Double) -> Bool {
        boundary == .included ? tpa <= capacityTpa.value : tpa < capacityTpa.value
    }

    /// "≤ 90,000 t/yr" or "< 300,000 t/yr".
    public var text: String { "\(boundary.symbol) \(groupedTpa(capacityTpa.value)) t/yr" }

    /// The words a policy uses for this line: "9万吨/年及以下" (及以下: included) or "30万吨/年以下" (以下,
    /// written with "(不含…)" where the document says so: excluded).
    public var policyWording: String {
        "\(formatWan(capacityTpa.value))万吨/年" + (boundary == .included ? "及以下" : "以下")
    }

    /// The line in Chinese with its boundary spelt out: "9万吨/年及以下" or "30万吨/年以下(不含)".
    public var zh: String { boundary == .included ? policyWording : policyWording + "(不含)" }
}

/// A capacity in t/yr with thousands separators (90,000), at most two decimals.
func groupedTpa(_ tpa: Double) -> String {
    let rounded = tpa.rounded(to: 2)
    guard rounded == rounded.rounded(), abs(rounded) < 1e15 else { return rounded.clean }
    var digits = String(Int(abs(rounded)))
    var groups: [String] = []
    while digits.count > 3 {
        groups.insert(String(digits.suffix(3)), at: 0)
        digits.removeLast(3)
    }
    groups.insert(digits, at: 0)
    return (rounded < 0 ? "-" : "") + groups.joined(separator: ",")
}
