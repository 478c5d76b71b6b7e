import Foundation

/// Builds CSV text as UTF-8 bytes (LF line ends, no BOM, RFC 4180 quoting) and, given a file, streams it
/// there in chunks, so that millions of rows never sit in memory as strings.
final class CSVSink {
    private(set) var bytes: [UInt8] = []
    private let handle: FileHandle?
    private let chunk: Int
    private var atRowStart = true
    /// Data rows written so far (the header not counted).
    private(set) var rows = 0
    private var headerDone = false
    /// The first error writing to the file; later chunks are dropped and `finish` reports it.
    private var writeError: Error?

    /// - Parameters:
    ///   - header: the column names.
    ///   - handle: a file to stream to; nil keeps everything in `bytes`.
    ///   - chunk: bytes collected before each write to the file.
    init(header: [String], handle: FileHandle? = nil, chunk: Int = 1 << 20) {
        self.handle = handle
        self.chunk = chunk
        bytes.reserveCapacity(handle == nil ? 1 << 16 : chunk + 4096)
        for name in header { field(name) }
        endRow()
        headerDone = true
        rows = 0
    }

    private func separate() {
        if atRowStart { atRowStart = false } else { bytes.append(0x2C) }
    }

    /// A text field, quoted only when it has to be.
    func field(_ text: String) {
        separate()
        let quoted = CSVWriter.quote(text)
        bytes.append(contentsOf: quoted.utf8)
    }

    /// A field already encoded as UTF-8 that needs no quoting (ids, codes).
    func raw(_ field: [UInt8]) {
        separate()
        bytes.append(contentsOf: field)
    }

    /// An empty field.
    func empty() { separate() }

    /// A whole number.
    func integer(_ value: Int) {
        separate()
        Self.appendInteger(value, to: &bytes)
    }

    /// A number with exactly `decimals` digits after the point, rounded half away from zero.
    func number(_ value: Double, decimals: Int) {
        separate()
        Self.appendFixed(value, decimals: decimals, to: &bytes)
    }

    /// Appends whole rows already formatted (each ending in a line feed).
    func appendRows(_ text: [UInt8], count: Int) {
        precondition(atRowStart, "rows can only be appended between rows")
        bytes.append(contentsOf: text)
        rows += count
        if handle != nil, bytes.count >= chunk { flush() }
    }

    /// Ends the row; streams the collected bytes once a chunk is full.
    func endRow() {
        bytes.append(0x0A)
        atRowStart = true
        if headerDone { rows += 1 }
        if handle != nil, bytes.count >= chunk { flush() }
    }

    private func flush() {
        guard let handle, writeError == nil else { return bytes.removeAll(keepingCapacity: true) }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            writeError = error
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is left to the file (a streaming sink) and returns the whole text (an in-memory sink).
    @discardableResult
    func finish() throws -> Data {
        guard handle != nil else { return Data(bytes) }
        flush()
        if let writeError { throw MineRiskError.io("writing failed: \(writeError.localizedDescription)") }
        return Data()
    }

    /// Appends the decimal digits of a whole number.
    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Appends a number with exactly `decimals` digits after the point, rounded half away from zero.
    static func appendFixed(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
        precondition(value.isFinite && (0...6).contains(decimals), "fixed-point formatting needs a finite value and 0–6 decimals")
        let scale = Self.powersOfTen[decimals]
        let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        let units = Int(scaled)
        if value < 0 && units != 0 { bytes.append(0x2D) }
        appendInteger(units / scale, to: &bytes)
        guard decimals > 0 else { return }
        bytes.append(0x2E)
        var fraction = units % scale
        var divisor = scale / 10
        while divisor > 0 {
            bytes.append(0x30 + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    private static let powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
}

/// The fixed-point text `CSVSink.number` writes, for callers that need it as a string.
func fixedText(_ value: Double, decimals: Int) -> String {
    var bytes: [UInt8] = []
    CSVSink.appendFixed(value, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}
