import Foundation

/// Streams monitoring/readings.csv (or .csv.gz): `point_id,time,value,quality`, one line at a time through
/// fixed buffers, checking each line — an unknown point, a time that runs backwards or repeats within a
/// point, a value that is not a number or physically impossible, an unknown quality flag — and naming
/// file, line and column.
struct ReadingReader {
    let path: String
    let displayName: String
    let points: ByteInterner
    let items: [MonitoredItem]
    let pointIDs: [String]

    static let required = ["point_id", "time", "value"]
    static let optional = ["quality"]

    /// One checked reading.
    struct Reading {
        var point: Int
        var time: Int64
        var offsetMinutes: Int
        var value: Double
        var quality: ReadingQuality
    }

    /// Calls `body` with each valid reading in file order; invalid lines go to `problems` (or, skipping, to
    /// `rejects`). Returns the bytes read (uncompressed) and from the file.
    func read(skipInvalid: Bool, problems: inout ProblemList, rejects: inout [RejectedRow],
              _ body: (Reading) throws -> Void) throws -> (bytes: Int, fileBytes: Int) {
        let stream = try ByteStream(path: path, displayName: displayName)
        var lastTime = [Int64](repeating: .min, count: pointIDs.count)
        var lastLine = [Int32](repeating: 0, count: pointIDs.count)
        let idBytes = pointIDs.map { Array($0.utf8) }
        var predicted = 0
        var header: CSVHeader?
        var columns = (point: 0, time: 1, value: 2, quality: -1, width: 3)
        // The fields of the line being read: at most `maxFields`, in one buffer for the whole file.
        let maxFields = 8
        let ranges = UnsafeMutablePointer<Range<Int>>.allocate(capacity: maxFields)
        ranges.initialize(repeating: 0..<0, count: maxFields)
        defer { ranges.deallocate() }
        // An export sorted by time repeats one time text for every point: the last one parsed is kept and reused.
        var lastTimeText = [UInt8](repeating: 0, count: 40)
        var lastTimeCount = -1
        var lastParsed: (seconds: Int64, offsetMinutes: Int) = (0, 0)
        func report(_ location: SourceLocation, _ message: String) {
            if skipInvalid { rejects.append(RejectedRow(file: displayName, line: location.line ?? 0, reason: "\(location): \(message)")) } else { problems.add(location, message) }
        }
        var lineReader = LineReader(stream: stream)
        let total = try lineReader.forEachLine { line, number in
            // Fields split on commas; a field in quotes (RFC 4180) is read without its quotes.
            var fieldCount = 0
            var i = 0
            let n = line.count
            while true {
                var start = i, end = i
                if i < n, line[i] == 0x22 {
                    start = i + 1
                    i += 1
                    while i < n, line[i] != 0x22 { i += 1 }
                    end = i
                    if i < n { i += 1 }
                    while i < n, line[i] != 0x2C { i += 1 }
                } else {
                    while i < n, line[i] != 0x2C { i += 1 }
                    end = i
                }
                if fieldCount < maxFields { ranges[fieldCount] = start..<end }
                fieldCount += 1
                if i >= n { break }
                i += 1
            }
            guard fieldCount <= maxFields else {
                report(SourceLocation(file: displayName, line: number, column: maxFields + 1), "too many fields: expected \(header?.names.count ?? 4)")
                return
            }
            do {
                let record = CSVRecord(line: number, bytes: line, ranges: UnsafeBufferPointer(start: ranges, count: fieldCount), file: displayName)
                guard let h = header else {
                    let checked = try CSVHeader(record: record, required: Self.required, optional: Self.optional)
                    header = checked
                    columns = (checked["point_id"], checked["time"], checked["value"], checked.column("quality") ?? -1, checked.names.count)
                    return
                }
                if let problem = h.checkWidth(record) { report(problem.location, problem.message); return }
                // An export sorted by time lists the points in one order: try the point after the last one first.
                let field = record.field(columns.point)
                let guess = predicted < pointIDs.count ? predicted : 0
                let point: Int
                if idBytes[guess].count == field.count, idBytes[guess].withUnsafeBufferPointer({ memcmp($0.baseAddress!, field.baseAddress!, field.count) == 0 }) {
                    point = guess
                } else if let found = points.index(of: field) {
                    point = found
                } else {
                    report(record.location(columns.point), "unknown point \"\(record.string(columns.point))\": not in points.csv")
                    return
                }
                predicted = point + 1
                let timeField = record.field(columns.time)
                let parsed: (seconds: Int64, offsetMinutes: Int)?
                if timeField.count == lastTimeCount, lastTimeText.withUnsafeBufferPointer({ memcmp($0.baseAddress!, timeField.baseAddress!, timeField.count) == 0 }) {
                    parsed = lastParsed
                } else {
                    parsed = ISOTime.parse(timeField)
                    if let parsed, timeField.count <= lastTimeText.count {
                        lastTimeText.withUnsafeMutableBufferPointer { _ = memcpy($0.baseAddress!, timeField.baseAddress!, timeField.count) }
                        lastTimeCount = timeField.count
                        lastParsed = parsed
                    }
                }
                guard let (time, offset) = parsed else {
                    report(record.location(columns.time), "expected an ISO 8601 time with its offset (2017-07-21T14:10:00+08:00), found \"\(record.string(columns.time))\"")
                    return
                }
                var quality = ReadingQuality.good
                if columns.quality >= 0 {
                    guard let q = ReadingQuality(bytes: record.field(columns.quality)) else {
                        report(record.location(columns.quality), "quality: expected good, suspect or bad, found \"\(record.string(columns.quality))\"")
                        return
                    }
                    quality = q
                }
                guard let value = record.double(columns.value) else {
                    report(record.location(columns.value), "value: expected a finite number, found \"\(record.string(columns.value))\"")
                    return
                }
                let item = items[point]
                if let minimum = item.physicalMinimum, value < minimum {
                    report(record.location(columns.value), "value \(record.string(columns.value)) \(item.unit) is impossible for \(item.rawValue): expected at least \(formatNumber(minimum))")
                    return
                }
                let previous = lastTime[point]
                if time <= previous {
                    let shown = ISOTime.format(previous, offsetMinutes: offset)
                    if time == previous {
                        report(record.location(columns.time), "duplicate reading of \(pointIDs[point]) at \(record.string(columns.time)) (first on line \(lastLine[point]))")
                    } else {
                        report(record.location(columns.time), "time runs backwards for \(pointIDs[point]): \(record.string(columns.time)) is before its reading at \(shown) on line \(lastLine[point])")
                    }
                    return
                }
                lastTime[point] = time
                lastLine[point] = Int32(truncatingIfNeeded: number)
                try body(Reading(point: point, time: time, offsetMinutes: offset, value: value, quality: quality))
            }
        }
        if header == nil { throw MineRiskError.invalid(SourceLocation(file: displayName, line: 1), "the file is empty: expected the header point_id,time,value,quality") }
        return (total, stream.fileBytes)
    }
}
