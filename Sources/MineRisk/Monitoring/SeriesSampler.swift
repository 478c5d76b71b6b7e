import Foundation

/// Reads a monitoring folder's readings (or a stored round's) a second time, after `WarningEngine`, for the ponds a report draws: the ponds
/// whose warnings reached orange or red, each over a window around its warnings, every point reduced to buckets of
/// equal time (min and max; rain sums and rolling 3 h sums). Memory is the buckets, whatever the number of readings.
public struct SeriesSampler {
    public let data: MonitoringData
    public let report: WarningReport
    /// Buckets across a window (about one per two pixels of a chart) and rain bars across it.
    public var buckets = 360
    public var rainBars = 96
    /// The lowest peak level of a pond drawn.
    public var minimumLevel = WarningLevel.orange

    public init(data: MonitoringData, report: WarningReport) {
        self.data = data
        self.report = report
    }

    /// The ponds to draw, worst first: those at `minimumLevel` or above at the report time or at their peak.
    public func ponds() -> [(pond: PondWarning, peak: WarningLevel)] {
        report.ponds.map { ($0, report.peakLevel(of: $0.id)) }
            .filter { $0.1 >= minimumLevel }
            .enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
    }

    /// Each chosen pond's series, read in one pass over the readings.
    public func sample(skipInvalid: Bool = false) throws -> [PondSeries] {
        guard let asOf = ISOTime.parse(report.asOf) else { return [] }
        var result: [PondSeries] = []
        // Point index → (pond in result, item in pond, point in item).
        var slots: [Int: (Int, Int, Int)] = [:]
        let entries = data.thresholds.entriesByFacility()
        for (pond, peak) in ponds() {
            let spans = report.warnings.filter { $0.pond == pond.id }
            let starts = spans.compactMap { ISOTime.parse($0.start)?.seconds }
            let ends = spans.map { $0.end.flatMap { ISOTime.parse($0)?.seconds } ?? asOf.seconds }
            // Two days before the first warning to a day after the last one ends, at least three days, up to the report time.
            var to = min(asOf.seconds, (ends.max() ?? asOf.seconds) + 86_400)
            var from = (starts.min() ?? to - 3 * 86_400) - 2 * 86_400
            if to - from < 3 * 86_400 { from = to - 3 * 86_400 }
            to = max(to, from + 3_600)
            let bucket = max(600, ((to - from) / Int64(buckets) + 59) / 60 * 60)
            let rainBucket = max(3_600, ((to - from) / Int64(rainBars) + 3_599) / 3_600 * 3_600)
            let warned = Set(spans.map(\.item))
            let day = ISOTime.day(asOf.seconds, offsetMinutes: asOf.offsetMinutes)
            var items: [(PondSeries.Item, [Int])] = []
            for itemWarning in pond.items where warned.contains(itemWarning.item) || itemWarning.item == .rainfall {
                let indices = data.points.indices.filter { data.points[$0].facilityID == pond.id && data.points[$0].item == itemWarning.item }
                let rules = indices.map { data.thresholds.rule(for: data.points[$0], pondClass: pond.pondClass, on: day, entries: entries) }
                var fixed: FixedThresholds?
                var signals: RainstormSignals?
                if case let .fixed(values)? = rules.first?.method, rules.allSatisfy({ $0.method == rules[0].method }) { fixed = values }
                if case let .rainstorm(s)? = rules.first?.method { signals = s }
                let n = Int((to - from + bucket - 1) / bucket), r = Int((to - from + rainBucket - 1) / rainBucket)
                let points = indices.map { PondSeries.Point(id: data.points[$0].id, minimum: Array(repeating: nil, count: n),
                                                            maximum: Array(repeating: nil, count: n), rainSum: Array(repeating: 0, count: r),
                                                            rain3h: Array(repeating: nil, count: r), readings: 0) }
                let itemSpans = spans.filter { $0.item == itemWarning.item }.compactMap { span -> PondSeries.Span? in
                    guard let start = ISOTime.parse(span.start)?.seconds else { return nil }
                    return PondSeries.Span(start: start, end: span.end.flatMap { ISOTime.parse($0)?.seconds }, level: span.level)
                }
                items.append((PondSeries.Item(item: itemWarning.item, level: itemWarning.level, points: points, thresholds: fixed, signals: signals,
                                              rule: rules.first.map { "\($0.summary) (\($0.source))" } ?? "", spans: itemSpans), indices))
            }
            // The rain first (the usual cause), then the items by the worst warning they reached.
            func worst(_ item: PondSeries.Item) -> Int { item.item == .rainfall ? 5 : item.spans.map(\.level.rawValue).max() ?? 0 }
            items = items.enumerated().sorted { (worst($0.element.0), -$0.offset) > (worst($1.element.0), -$1.offset) }.map(\.element)
            for (i, (_, indices)) in items.enumerated() {
                for (k, index) in indices.enumerated() { slots[index] = (result.count, i, k) }
            }
            result.append(PondSeries(pond: pond, peak: peak, from: from, to: to, offsetMinutes: asOf.offsetMinutes, bucketSeconds: bucket,
                                     rainBucketSeconds: rainBucket, items: items.map(\.0)))
        }
        guard !slots.isEmpty else { return result }
        try fill(&result, slots: slots, skipInvalid: skipInvalid)
        return result
    }

    /// The one pass over the readings: each reading of a chosen point in its pond's window goes into its buckets.
    private func fill(_ result: inout [PondSeries], slots: [Int: (Int, Int, Int)], skipInvalid: Bool) throws {
        let points = data.points
        let reader = ReadingReader(path: data.readingsPath, displayName: data.readingsName, points: ByteInterner(points.map(\.id)),
                                   items: points.map(\.item), pointIDs: points.map(\.id))
        var slotOf = [(Int, Int, Int)?](repeating: nil, count: points.count)
        for (index, slot) in slots { slotOf[index] = slot }
        // The rain of the last 3 h of each gauge (time, mm), oldest first: at most 3 h / its interval entries.
        var recent = [[(Int64, Double)]](repeating: [], count: points.count)
        // Each pond's window, apart from the buckets, so that filling them never copies them.
        let windows = result.map { (from: $0.from, to: $0.to, bucket: $0.bucketSeconds, n: $0.buckets, rain: $0.rainBucketSeconds, r: $0.rainBuckets) }
        var problems = ProblemList()
        var rejects: [RejectedRow] = []
        func take(_ reading: ReadingReader.Reading) {
            guard let (p, i, k) = slotOf[reading.point], reading.quality != .bad else { return }
            let w = windows[p]
            let t = reading.time
            if points[reading.point].item == .rainfall {
                recent[reading.point].append((t, reading.value))
                // CMA rainstorm signals: the rain of the last 3 hours, this reading included.
                while let first = recent[reading.point].first, first.0 <= t - 3 * 3_600 { recent[reading.point].removeFirst() }
            }
            guard t >= w.from, t <= w.to else { return }
            let b = min(Int((t - w.from) / w.bucket), w.n - 1)
            let v = reading.value
            // Mutated in place: the buckets are not copied per reading.
            result[p].items[i].points[k].minimum[b] = min(result[p].items[i].points[k].minimum[b] ?? v, v)
            result[p].items[i].points[k].maximum[b] = max(result[p].items[i].points[k].maximum[b] ?? v, v)
            result[p].items[i].points[k].readings += 1
            if points[reading.point].item == .rainfall {
                let r = min(Int((t - w.from) / w.rain), w.r - 1)
                result[p].items[i].points[k].rainSum[r] += v
                let sum = recent[reading.point].reduce(0) { $0 + $1.1 }
                result[p].items[i].points[k].rain3h[r] = max(result[p].items[i].points[k].rain3h[r] ?? 0, sum)
            }
        }
        if let source = data.source {
            try source.produce(take)
        } else {
            _ = try reader.read(skipInvalid: skipInvalid, problems: &problems, rejects: &rejects, take)
        }
    }
}
