import Foundation

/// A number with a fixed count of decimals, the text `String(format: "%.Nf", x)` gives (C99 §7.19.6.1 `f`,
/// as glibc prints it: the exact binary value rounded half to even, a minus sign kept on a negative value
/// that rounds to zero), made from the number's bits without a format string.
enum FixedDecimal {
    private static let powers: [UInt128] = (0...9).map { d in (0..<d).reduce(UInt128(1)) { p, _ in p * 10 } }

    /// `x` with `decimals` (0…9) decimals.
    static func text(_ x: Double, decimals: Int) -> String {
        // Outside what the 128-bit product below holds exactly, the C library formats it.
        guard x.isFinite, (0...9).contains(decimals), x.magnitude < 0x1p63 else {
            return String(cString: formatted(x, decimals))
        }
        // x = m · 2^e exactly; x · 10^d = m · 10^d · 2^e, whose integer part and remainder decide the digits.
        let m = UInt128(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0))
        let e = x.isNormal ? Int(x.exponentBitPattern) - 1075 : -1074
        let scaled = m * powers[decimals]
        var q: UInt128
        if e >= 0 {
            q = scaled << UInt128(e)
        } else if -e >= 128 {
            q = 0 // below 2^-128 · 10^9: rounds to zero
        } else {
            let shift = UInt128(-e)
            q = scaled >> shift
            let remainder = scaled & ((1 << shift) - 1)
            let half = UInt128(1) << (shift - 1)
            if remainder > half || (remainder == half && q & 1 == 1) { q += 1 }
        }
        var digits = String(q)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return x.sign == .minus ? "-" + digits : digits
    }

    private static func formatted(_ x: Double, _ decimals: Int) -> [CChar] {
        var buffer = [CChar](repeating: 0, count: 400)
        _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
        return buffer
    }
}
