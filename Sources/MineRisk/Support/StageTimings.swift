import Foundation

/// Wall-clock seconds of the named stages of a run, in the order they ran: for benchmarks and
/// `--timings`, never part of a result.
public struct StageTimings: Sendable, Encodable {
    public private(set) var stages: [String] = []
    public private(set) var seconds: [String: Double] = [:]

    public init() {}

    /// Runs `body` and adds its duration to the stage's total.
    public mutating func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    public mutating func add(_ stage: String, _ duration: Double) {
        if seconds[stage] == nil { stages.append(stage) }
        seconds[stage, default: 0] += duration
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: StageKey.self)
        for stage in stages { try c.encode(seconds[stage]!, forKey: StageKey(stringValue: stage)) }
    }

    private struct StageKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
