import Foundation

/// Streams a folder's readings through every point's tracker and turns the held levels into point, item and
/// pond levels (GB 39496-2020 §5.5.4), the warning log, sensor health and findings.
public struct WarningEngine {
    public let data: MonitoringData
    /// Readings after this instant are not used; the report is as of it (default: the last reading).
    public var until: (seconds: Int64, offsetMinutes: Int)?
    /// Warnings that ended before this instant are left out of the log.
    public var from: (seconds: Int64, offsetMinutes: Int)?
    public var skipInvalid = false

    public init(data: MonitoringData, until: (seconds: Int64, offsetMinutes: Int)? = nil, from: (seconds: Int64, offsetMinutes: Int)? = nil, skipInvalid: Bool = false) {
        self.data = data
        self.until = until
        self.from = from
        self.skipInvalid = skipInvalid
    }

    /// A change of a point's held level.
    struct Event {
        var time: Int64
        var point: Int32
        var level: WarningLevel
        var value: Double?
        var threshold: Double?
    }

    public func run() throws -> WarningReport {
        let points = data.points
        let pondIndex = Dictionary(data.ponds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reader = ReadingReader(path: data.readingsPath, displayName: data.readingsName, points: ByteInterner(points.map(\.id)),
                                   items: points.map(\.item), pointIDs: points.map(\.id))
        var trackers = [PointTracker?](repeating: nil, count: points.count)
        var events: [Event] = []
        var lastSeen: Int64 = .min
        var firstSeen: Int64 = .max
        var displayOffset = until?.offsetMinutes
        var used = 0, total = 0
        let limit = until?.seconds ?? .max
        let persistence = data.thresholds.persistence
        let entries = data.thresholds.entriesByFacility()
        let ruleDay = until.map { ISOTime.day($0.seconds, offsetMinutes: $0.offsetMinutes) }
        // The file is parsed on a second thread while this one runs the trackers, a batch at a time.
        let batches = data.source.map { ReadingBatches(source: $0, rejects: data.rejects) }
            ?? ReadingBatches(reader: reader, skipInvalid: skipInvalid, rejects: data.rejects)
        let (problems, rejects) = try batches.forEach { reading in
            total += 1
            guard reading.time <= limit else { return }
            used += 1
            if displayOffset == nil { displayOffset = reading.offsetMinutes }
            if reading.time > lastSeen { lastSeen = reading.time }
            if reading.time < firstSeen { firstSeen = reading.time }
            let p = reading.point
            if trackers[p] == nil {
                let point = points[p]
                let pond = data.ponds[pondIndex[point.facilityID]!]
                let day = ruleDay ?? ISOTime.day(reading.time, offsetMinutes: reading.offsetMinutes)
                trackers[p] = PointTracker(rule: data.thresholds.rule(for: point, pondClass: pond.pondClass, on: day, entries: entries),
                                           persistence: persistence, intervalMinutes: point.intervalMinutes, isRainfall: point.item == .rainfall)
            }
            if trackers[p]!.add(time: reading.time, value: reading.value, usable: reading.quality != .bad) {
                let t = trackers[p]!
                events.append(Event(time: reading.time, point: Int32(p), level: t.held, value: t.measure, threshold: t.heldThreshold))
            }
        }
        try problems.throwIfAny()
        let offset = displayOffset ?? 480
        let asOf = until?.seconds ?? (lastSeen == .min ? 0 : lastSeen)
        var assembler = WarningAssembler(data: data, trackers: trackers, asOf: asOf, offsetMinutes: offset,
                                         firstReading: firstSeen == .max ? nil : firstSeen)
        let health = assembler.checkHealth(events: &events)
        var report = assembler.assemble(events: events, health: health, from: from?.seconds)
        report.provenance.readings = total
        report.provenance.readingsUsed = used
        report.rejects = rejects
        return report
    }
}
