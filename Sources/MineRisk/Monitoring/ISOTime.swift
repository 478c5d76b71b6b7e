/// Times of readings: ISO 8601 with a UTC offset (`2017-07-21T14:10:00+08:00`, or `Z`), as seconds since
/// 1970-01-01T00:00:00Z, parsed from bytes without Foundation (millions of readings are read).
public enum ISOTime {
    /// Days from 1970-01-01 to a civil date (Hinnant's days_from_civil).
    @inline(__always)
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day number (Hinnant's civil_from_days).
    static func civilFromDays(_ z: Int) -> (year: Int, month: Int, day: Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    @inline(__always)
    private static func digits(_ t: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var value = 0
        for i in at..<(at + count) {
            let d = Int(t[i]) &- 0x30
            guard d >= 0, d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }

    private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `yyyy-mm-ddThh:mm[:ss[.fff]](Z|±hh:mm)` → (seconds since the epoch, offset in minutes); nil otherwise.
    /// An offset is required: a time without one means different instants in different places.
    public static func parse(_ t: UnsafeBufferPointer<UInt8>) -> (seconds: Int64, offsetMinutes: Int)? {
        guard t.count >= 17, t[4] == 0x2D, t[7] == 0x2D, t[10] == 0x54 || t[10] == 0x20, t[13] == 0x3A,
              let year = digits(t, 0, 4), let month = digits(t, 5, 2), let day = digits(t, 8, 2),
              let hour = digits(t, 11, 2), let minute = digits(t, 14, 2) else { return nil }
        var i = 16
        var second = 0
        if i < t.count, t[i] == 0x3A {
            guard i + 3 <= t.count, let s = digits(t, i + 1, 2) else { return nil }
            second = s
            i += 3
            if i < t.count, t[i] == 0x2E { // fractions of a second are dropped
                i += 1
                let start = i
                while i < t.count, t[i] >= 0x30, t[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month), hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        guard i < t.count else { return nil }
        if t[i] == 0x5A {
            i += 1
        } else if t[i] == 0x2B || t[i] == 0x2D {
            guard i + 6 == t.count, t[i + 3] == 0x3A, let oh = digits(t, i + 1, 2), let om = digits(t, i + 4, 2), oh <= 14, om < 60 else { return nil }
            offset = (oh * 60 + om) * (t[i] == 0x2D ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == t.count else { return nil }
        let local = Int64(daysFromCivil(year, month, day)) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        return (local - Int64(offset * 60), offset)
    }

    /// Parses a String (for command-line times).
    public static func parse(_ text: String) -> (seconds: Int64, offsetMinutes: Int)? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    /// An instant written at an offset: `2017-07-21T14:10:00+08:00`.
    public static func format(_ seconds: Int64, offsetMinutes: Int) -> String {
        let local = seconds + Int64(offsetMinutes * 60)
        let days = Int((local >= 0 ? local : local - 86399) / 86400)
        let rest = Int(local - Int64(days) * 86400)
        let (y, m, d) = civilFromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let o = abs(offsetMinutes)
        return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))\(sign)\(two(o / 60)):\(two(o % 60))"
    }

    /// The local day (yyyy-mm-dd) of an instant at an offset.
    public static func day(_ seconds: Int64, offsetMinutes: Int) -> String { String(format(seconds, offsetMinutes: offsetMinutes).prefix(10)) }
}

/// Days since the epoch of a `yyyy-mm-dd` day, or nil.
func parseISODay(_ text: String) -> Int? {
    let b = Array(text.utf8)
    guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
    func n(_ r: Range<Int>) -> Int? { Int(String(decoding: b[r], as: UTF8.self)) }
    guard let y = n(0..<4), let m = n(5..<7), let d = n(8..<10), (1...12).contains(m), (1...31).contains(d) else { return nil }
    return ISOTime.daysFromCivil(y, m, d)
}
