import Foundation

/// A number with a fixed count of decimals, the text `String(format: "%.Nf", x)` gives (C99 §7.19.6.1 `f`,
/// as glibc prints it: the exact binary value rounded half to even, a minus sign kept on a negative value
/// that rounds to zero), made from the number's bits without a format string.
enum FixedDecimal {
    private static let powers: [UInt128] = (0...9).map { d in (0..<d).reduce(UInt128(1)) { p, _ in p * 10 } }

    /// `x` with `decimals` (0…9) decimals.
    static func text(_ x: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        append(x, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 text of `x` with `decimals` (0…9) decimals: what `text` gives, without making a String.
    static func append(_ x: Double, decimals: Int, to bytes: inout [UInt8]) {
        // Outside what the 128-bit product below holds exactly, the C library formats it.
        guard x.isFinite, (0...9).contains(decimals), x.magnitude < 0x1p63 else {
            let text = formatted(x, decimals)
            bytes.append(contentsOf: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
            return
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
        // The digits of q, last first, with at least decimals + 1 of them; the point goes `decimals` from the end.
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0) // 40 bytes: q < 2^63 · 10^9 has at most 28 digits
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var n = 0
            if q <= UInt128(UInt64.max) {
                var r = UInt64(q)
                repeat { buffer[n] = UInt8(r % 10) + 0x30; r /= 10; n += 1 } while r > 0
            } else {
                repeat { buffer[n] = UInt8(q % 10) + 0x30; q /= 10; n += 1 } while q > 0
            }
            while n <= decimals { buffer[n] = 0x30; n += 1 }
            return n
        }
        if x.sign == .minus { bytes.append(0x2D) }
        withUnsafeBytes(of: &digits) { buffer in
            for k in stride(from: count - 1, through: 0, by: -1) {
                if k == decimals - 1 { bytes.append(0x2E) }
                bytes.append(buffer[k])
            }
        }
    }

    private static func formatted(_ x: Double, _ decimals: Int) -> [CChar] {
        var buffer = [CChar](repeating: 0, count: 400)
        _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
        return buffer
    }
}
