/// Readings that come from somewhere other than a file (a store's table), already checked: a function that calls
/// its argument with every reading in order, the point given by its index in `MonitoringData.points`.
public struct ReadingSource: @unchecked Sendable {
    let produce: ((ReadingReader.Reading) throws -> Void) throws -> Void

    /// - Parameter produce: calls its argument with (point index, seconds since the epoch, offset in minutes, value,
    ///   quality 0 good, 1 suspect, 2 bad) for each reading, in the order the readings were imported.
    public init(_ produce: @escaping (_ emit: (Int, Int64, Int, Double, UInt8) throws -> Void) throws -> Void) {
        self.produce = { body in
            try produce { point, time, offset, value, quality in
                try body(ReadingReader.Reading(point: point, time: time, offsetMinutes: offset, value: value,
                                               quality: ReadingQuality(rawValue: quality) ?? .bad))
            }
        }
    }
}
