/// The name of an assessment round (e.g. "2017"): checked when given, and ordered as people read it.
public enum RoundID {
    /// Letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters.
    public static func validate(_ id: String) throws {
        let allowed = id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || ".-_".unicodeScalars.contains($0) }
        guard !id.isEmpty, id.count <= 64, allowed, let first = id.unicodeScalars.first, !".-_".unicodeScalars.contains(first) else {
            throw MineRiskError.usage("--round: expected a round id of letters, digits, '.', '_' or '-' (at most 64, such as 2017), found \"\(id)\"")
        }
    }

    /// Natural order: runs of digits compare as numbers, so "2016" < "2017" and "r9" < "r10".
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let x = chunks(a), y = chunks(b)
        for (p, q) in zip(x, y) where p != q {
            switch (Int(p), Int(q)) {
            case let (m?, n?) where m != n: return m < n
            default: return p < q
            }
        }
        return x.count != y.count ? x.count < y.count : a < b
    }

    /// Splits a string into alternating runs of digits and of other characters.
    private static func chunks(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inDigits = false
        for character in text {
            let digit = character.isASCII && character.isNumber
            if !current.isEmpty && digit != inDigits {
                result.append(current)
                current = ""
            }
            inDigits = digit
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
