/// The recent readings of one point, kept over a time window: a ring of (time, value) that drops what
/// falls out of the window, so its size is bounded by window / interval, whatever the number of readings.
struct TimeWindow {
    private var times: [Int64]
    private var values: [Double]
    private var head = 0   // index of the oldest element
    private(set) var count = 0

    init(capacity: Int) {
        let capacity = max(4, capacity)
        times = [Int64](repeating: 0, count: capacity)
        values = [Double](repeating: 0, count: capacity)
    }

    @inline(__always)
    private func slot(_ i: Int) -> Int {
        let s = head + i
        return s >= times.count ? s - times.count : s
    }

    mutating func append(_ time: Int64, _ value: Double) {
        if count == times.count { grow() }
        let s = slot(count)
        times[s] = time
        values[s] = value
        count += 1
    }

    /// Drops the elements older than `oldest` (strictly before it).
    mutating func drop(before oldest: Int64) {
        while count > 0, times[head] < oldest {
            head = head + 1 == times.count ? 0 : head + 1
            count -= 1
        }
    }

    func time(_ i: Int) -> Int64 { times[slot(i)] }
    func value(_ i: Int) -> Double { values[slot(i)] }

    /// For each k, the sum of the values with time > `after[k]`, each added oldest first. The times rise, so each
    /// sum starts at the first element past its bound.
    func sums(after: [Int64], into totals: inout [Double]) {
        times.withUnsafeBufferPointer { t in
            values.withUnsafeBufferPointer { v in
                let capacity = t.count
                for k in 0..<after.count {
                    let bound = after[k]
                    var s = head, i = 0
                    while i < count, t[s] <= bound {
                        s = s + 1 == capacity ? 0 : s + 1
                        i += 1
                    }
                    var total = 0.0
                    while i < count {
                        total += v[s]
                        s = s + 1 == capacity ? 0 : s + 1
                        i += 1
                    }
                    totals[k] = total
                }
            }
        }
    }

    /// The mean of the values with time > `after` (nil when there are none).
    func mean(after: Int64) -> Double? {
        var total = 0.0, n = 0
        for i in 0..<count where times[slot(i)] > after {
            total += values[slot(i)]
            n += 1
        }
        return n == 0 ? nil : total / Double(n)
    }

    /// The index of the oldest element with time ≥ `from`.
    func firstIndex(from: Int64) -> Int? {
        for i in 0..<count where times[slot(i)] >= from { return i }
        return nil
    }

    private mutating func grow() {
        var newTimes = [Int64](repeating: 0, count: times.count * 2)
        var newValues = [Double](repeating: 0, count: times.count * 2)
        for i in 0..<count {
            newTimes[i] = times[slot(i)]
            newValues[i] = values[slot(i)]
        }
        times = newTimes
        values = newValues
        head = 0
    }
}
