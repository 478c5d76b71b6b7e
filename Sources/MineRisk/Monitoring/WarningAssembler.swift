/// Turns the trackers' final state and the level changes into the report: health, item and pond levels,
/// the warning log and the summary.
struct WarningAssembler {
    let data: MonitoringData
    let trackers: [PointTracker?]
    let asOf: Int64
    let offsetMinutes: Int
    let firstReading: Int64?

    func time(_ seconds: Int64) -> String { ISOTime.format(seconds, offsetMinutes: offsetMinutes) }

    /// Each point's health at the report time; an offline or stuck point's warning ends when it stopped
    /// working (an event is added then), as a fault is not a warning.
    mutating func checkHealth(events: inout [WarningEngine.Event]) -> [(SensorHealth, String?)] {
        var health: [(SensorHealth, String?)] = []
        for (index, point) in data.points.enumerated() {
            guard let tracker = trackers[index], tracker.readings > 0 else {
                health.append((.noReadings, "\(point.id) (\(point.item.rawValue)) has no readings up to \(time(asOf))"))
                continue
            }
            let interval = Int64(point.intervalMinutes) * 60
            var stoppedAt: Int64?
            var state = SensorHealth.ok
            var finding: String?
            if asOf - tracker.lastTime > SensorHealth.offlineIntervals * interval {
                state = .offline
                stoppedAt = tracker.lastTime + SensorHealth.offlineIntervals * interval
                finding = "\(point.id) (\(point.item.rawValue)) offline: no reading since \(time(tracker.lastTime)), more than 3 × its \(point.intervalMinutes) min interval"
            } else if tracker.isStuck(at: asOf) {
                state = .stuck
                stoppedAt = tracker.sameValueSince + SensorHealth.stuckSeconds
                finding = "\(point.id) (\(point.item.rawValue)) stuck: the same value since \(time(tracker.sameValueSince))"
            } else if case .unset = tracker.rule.method {
                state = .noThresholds
                finding = "\(point.id) (\(point.item.rawValue)) has no thresholds: \(tracker.rule.source)"
            }
            if let stoppedAt, tracker.held != .none {
                events.append(WarningEngine.Event(time: stoppedAt, point: Int32(index), level: .none, value: nil, threshold: nil))
            }
            health.append((state, finding))
        }
        return health
    }

    func assemble(events unsorted: [WarningEngine.Event], health: [(SensorHealth, String?)], from: Int64?) -> WarningReport {
        let points = data.points
        let pondIndex = Dictionary(data.ponds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Points grouped by pond and item, in points.csv order.
        var groups: [[MonitoredItem: [Int]]] = Array(repeating: [:], count: data.ponds.count)
        var itemOrder: [[MonitoredItem]] = Array(repeating: [], count: data.ponds.count)
        for (index, point) in points.enumerated() {
            let pond = pondIndex[point.facilityID]!
            if groups[pond][point.item] == nil { itemOrder[pond].append(point.item) }
            groups[pond][point.item, default: []].append(index)
        }
        // Replay the level changes in time order (stable: file order within one instant).
        let events = unsorted.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        var current = [WarningLevel](repeating: .none, count: points.count)
        var itemLevel: [[MonitoredItem: WarningLevel]] = Array(repeating: [:], count: data.ponds.count)
        var open: [String: WarningSpan] = [:]
        var spans: [WarningSpan] = []
        var timeline = PondLevelTimeline()
        var i = 0
        while i < events.count {
            let instant = events[i].time
            var touched: [(Int, MonitoredItem)] = []
            var causes: [Int: WarningEngine.Event] = [:]
            while i < events.count, events[i].time == instant {
                let event = events[i]
                let p = Int(event.point)
                current[p] = event.level
                let key = (pondIndex[points[p].facilityID]!, points[p].item)
                if !touched.contains(where: { $0 == key }) { touched.append(key) }
                causes[p] = event
                i += 1
            }
            var pondsTouched = Set<Int>()
            for (pond, item) in touched {
                let members = groups[pond][item]!
                // GB 39496-2020 §5.5.4, within one item: 4 blue → yellow, 3 yellow → orange, 2 orange → red.
                let level = WarningAggregation.itemLevel(members.map { current[$0] })
                let before = itemLevel[pond][item] ?? .none
                guard level != before else { continue }
                itemLevel[pond][item] = level
                pondsTouched.insert(pond)
                let key = "\(data.ponds[pond].id)/\(item.rawValue)"
                if level == .none {
                    if var span = open.removeValue(forKey: key) {
                        span.end = time(instant)
                        spans.append(span)
                    }
                } else {
                    let cause = members.compactMap { causes[$0] }.max { $0.level < $1.level }
                    let pointID = cause.map { points[Int($0.point)].id } ?? ""
                    if var span = open[key] {
                        if level > span.level {
                            span.level = level
                            span.peak = time(instant)
                            span.peakPoint = pointID
                            span.peakValue = cause?.value
                            span.peakThreshold = cause?.threshold
                        }
                        open[key] = span
                    } else {
                        open[key] = WarningSpan(pond: data.ponds[pond].id, item: item, level: level, start: time(instant), end: nil,
                                                peak: time(instant), peakPoint: pointID, peakValue: cause?.value, peakThreshold: cause?.threshold)
                    }
                }
            }
            for pond in pondsTouched {
                // GB 39496-2020 §5.5.4, across items: 4 blue items count as one yellow item, and so on up.
                timeline.record(data.ponds[pond].id, time: instant, level: WarningAggregation.pondLevel(Array(itemLevel[pond].values)))
            }
        }
        spans.append(contentsOf: open.values)
        if let from { spans.removeAll { span in span.end.flatMap { ISOTime.parse($0)?.seconds }.map { $0 < from } ?? false } }
        spans.sort { ($0.start, $0.pond, $0.item.rawValue) < ($1.start, $1.pond, $1.item.rawValue) }
        return WarningReport(asOf: time(asOf), from: from.map(time), ponds: pondWarnings(groups: groups, itemOrder: itemOrder, current: current, health: health),
                             warnings: spans, summary: WarningSummary(byLevel: [:], byCounty: [:]), provenance: provenance(), timeline: timeline, rejects: [])
            .summarised()
    }

    private func pondWarnings(groups: [[MonitoredItem: [Int]]], itemOrder: [[MonitoredItem]], current: [WarningLevel],
                              health: [(SensorHealth, String?)]) -> [PondWarning] {
        let day = ISOTime.day(asOf, offsetMinutes: offsetMinutes)
        var result: [PondWarning] = []
        for (index, pond) in data.ponds.enumerated() {
            let required = MonitoringDuty.onlineMonitoringRequired(pondClass: pond.pondClass, on: day)
            guard required || !itemOrder[index].isEmpty else { continue }
            var findings: [String] = []
            var items: [ItemWarning] = []
            var working = 0
            for item in itemOrder[index] {
                var pointRows: [PointWarning] = []
                for p in groups[index][item]! {
                    let point = data.points[p]
                    let (state, finding) = health[p]
                    if let finding { findings.append(finding) }
                    if state.isWorking { working += 1 }
                    let tracker = trackers[p]
                    let level = state.isWorking ? current[p] : .none
                    pointRows.append(PointWarning(
                        id: point.id, level: level, value: tracker?.measure, basis: tracker?.measureLabel ?? "",
                        threshold: level == .none ? nil : tracker?.heldThreshold, time: tracker.flatMap { $0.readings > 0 ? time($0.lastTime) : nil },
                        status: state.rawValue, thresholds: tracker?.rule.summary ?? "", source: tracker?.rule.source ?? ""))
                }
                items.append(ItemWarning(item: item, level: WarningAggregation.itemLevel(pointRows.map(\.level)), points: pointRows))
            }
            if required && working == 0 {
                let rule = day >= MonitoringDuty.gb39496InForce ? "GB 39496-2020 §5.5.1: every pond" : "SAWS Order 38 (2011), GB 51108-2015: classes 1–3"
                findings.insert(itemOrder[index].isEmpty
                    ? "no online monitoring: class \(pond.pondClass) must be monitored on \(day) (\(rule))"
                    : "no working monitoring point: class \(pond.pondClass) must be monitored on \(day) (\(rule))", at: 0)
            }
            result.append(PondWarning(id: pond.id, name: pond.name, county: pond.county, pondClass: pond.pondClass,
                                      level: WarningAggregation.pondLevel(items.map(\.level)), monitoringRequired: required,
                                      items: items, findings: findings))
        }
        return result
    }

    private func provenance() -> WarningProvenance {
        WarningProvenance(readingsFile: data.readingsName, readings: 0, readingsUsed: 0, persistence: data.thresholds.persistence,
                          thresholdsFile: data.thresholds.file,
                          aggregation: "GB 39496-2020 §5.5.4: within an item 4 blue → yellow, 3 yellow → orange, 2 orange → red; across items the same counts",
                          monitoringDuty: "before 2021-09-01 classes 1–3 (SAWS Order 38, GB 51108-2015); from 2021-09-01 every pond (GB 39496-2020 §5.5.1)")
    }
}

extension WarningReport {
    /// The report with its summary filled from its ponds.
    func summarised() -> WarningReport {
        var copy = self
        var byLevel = Dictionary(uniqueKeysWithValues: WarningLevel.allCases.map { ($0.name, 0) })
        var byCounty: [String: [String: Int]] = [:]
        for pond in ponds {
            byLevel[pond.level.name, default: 0] += 1
            byCounty[pond.county, default: Dictionary(uniqueKeysWithValues: WarningLevel.allCases.map { ($0.name, 0) })][pond.level.name, default: 0] += 1
        }
        copy.summary = WarningSummary(byLevel: byLevel, byCounty: byCounty)
        return copy
    }
}
