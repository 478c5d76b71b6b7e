import Foundation

extension MonitoringSynthesizer {
    /// Wetness decays with this time constant (s): rain of the last two days or so keeps the pond wet.
    static let wetnessSeconds = 48.0 * 3600

    /// Rain of one pond for one day, in mm per 10-minute step: a shower on about 40% of days, at most 20 mm,
    /// so that ordinary days stay below the rainstorm signals (≥ 50 mm in 12 h).
    func dailyRain(pond: Int, day: Int) -> [Double] {
        var rain = [Double](repeating: 0, count: 144)
        var rng = SplitMix64(seed: seed, stream: 2, item: UInt64(pond) << 16 | UInt64(day))
        guard rng.chance(0.4) else { return rain }
        let total = rng.uniform(1, 20)
        let length = rng.integer(12, 48)
        let first = rng.integer(0, 143 - length)
        for step in first..<(first + length) { rain[step] = total / Double(length) }
        return rain
    }

    /// Writes the readings, time by time and point by point within a time, as a real export is sorted.
    func writeReadings(_ points: [PlannedPoint], folder: String, name: String, gzip: Bool) throws -> (Int, String) {
        let sink = try ReadingsSink(folder: folder, name: name, gzip: gzip)
        sink.append("point_id,time,value,quality\n")
        let bases = self.bases(points)
        var noise = points.indices.map { SplitMix64(seed: seed, stream: 3, item: UInt64($0)) }
        let creep = points.indices.map { index -> Double in
            var rng = SplitMix64(seed: seed, stream: 4, item: UInt64(index))
            return rng.uniform(0.2, 0.4)
        }
        var displacement = [Double](repeating: 0, count: points.count)
        var held = [Double?](repeating: nil, count: points.count)
        var rainSince = [Double](repeating: 0, count: points.count)
        var wetness = ponds.indices.map { index -> Double in
            var rng = SplitMix64(seed: seed, stream: 5, item: UInt64(index))
            return initialWetness > 0 ? rng.uniform(0, initialWetness) : 0
        }
        // Displacement speeds up by 0.006 mm/day per mm of wetness; a pond planned to respond to its storm
        // adds `response` per mm of wetness beyond 60 mm (ordinary weeks stay below that).
        var response = [Double](repeating: 0, count: ponds.count)
        for storm in storms { response[storm.pond] = max(response[storm.pond], storm.response) }
        var silent = [(from: Int, to: Int)](repeating: (Int.max, Int.max), count: points.count)
        var stuckFrom = [Int](repeating: Int.max, count: points.count)
        var spikes = [Set<Int>](repeating: [], count: points.count)
        for fault in faults {
            switch fault {
            case let .silent(point, from, to): silent[point] = (from, to ?? Int.max)
            case let .stuck(point, from): stuckFrom[point] = from
            case let .badSpikes(point, steps): spikes[point] = Set(steps)
            }
        }
        let decay = exp(-600 / Self.wetnessSeconds)
        var rainToday: [[Double]] = []
        let idBytes = points.map { Array($0.id.utf8) + [0x2C] }
        for step in 0..<steps {
            let day = step / 144, inDay = step % 144
            if inDay == 0 { rainToday = ponds.indices.map { dailyRain(pond: $0, day: day) } }
            var stepRain = ponds.indices.map { rainToday[$0][inDay] }
            for storm in storms where step >= storm.start && step < storm.start + storm.steps {
                // A triangular storm: heaviest in the middle of its span.
                let x = Double(step - storm.start) + 0.5, half = Double(storm.steps) / 2
                stepRain[storm.pond] += storm.millimetres * (1 - abs(x - half) / half) / half
            }
            for pond in ponds.indices { wetness[pond] = wetness[pond] * decay + stepRain[pond] }
            let time = Array((ISOTime.format(start + Int64(step) * 600, offsetMinutes: offsetMinutes) + ",").utf8)
            for (index, point) in points.enumerated() {
                let pond = point.pond, w = wetness[pond]
                rainSince[index] += stepRain[pond]
                if point.item == .damDisplacementH || point.item == .damDisplacementV {
                    // Creep of the uniform stage plus a response to wetness (mm/day), per 10-minute step.
                    displacement[index] += (creep[index] + 0.006 * w + response[pond] * max(0, w - 60)) * 600 / 86_400
                }
                guard (step * 10) % point.interval == 0 else { continue }
                if step >= silent[index].from && step < silent[index].to { rainSince[index] = 0; continue }
                let fine = point.interval <= 10
                var value: Double
                var decimals = 2
                switch point.item {
                case .rainfall:
                    value = rainSince[index]
                    decimals = 1
                case .damDisplacementH, .damDisplacementV, .landslideDisplacement:
                    value = displacement[index] + (fine ? 0.05 : 0.03) * noise[index].nextNormal()
                case .phreaticDepth: value = bases[index] - (0.02 * w + 0.03 * response[pond] / 0.08 * max(0, w - 60)) + 0.01 * noise[index].nextNormal()
                case .beachLength:
                    value = bases[index] - 0.05 * w + 0.1 * noise[index].nextNormal()
                    decimals = 1
                case .freeboard: value = bases[index] - 0.004 * w + 0.005 * noise[index].nextNormal()
                case .waterLevel: value = bases[index] + 0.004 * w + 0.005 * noise[index].nextNormal()
                case .porePressure:
                    value = bases[index] + 0.15 * w + 0.3 * noise[index].nextNormal()
                    decimals = 1
                case .seepageFlow: value = bases[index] + 0.01 * w + 0.02 * noise[index].nextNormal()
                case .turbidity:
                    value = bases[index] + 0.05 * w + 0.2 * noise[index].nextNormal()
                    decimals = 1
                }
                rainSince[index] = 0
                if step >= stuckFrom[index] {
                    if held[index] == nil { held[index] = value }
                    value = held[index]!
                }
                let bad = spikes[index].contains(step)
                if bad { value = point.item == .phreaticDepth ? 0.3 : value * 10 }
                idBytes[index].withUnsafeBufferPointer { sink.append($0) }
                time.withUnsafeBufferPointer { sink.append($0) }
                sink.append(number: max(point.item.physicalMinimum ?? -.infinity, value), decimals: decimals)
                sink.append(bad ? ",bad" : ",good")
                try sink.endLine()
            }
        }
        let lines = sink.lines
        return (lines, try sink.finish())
    }
}
