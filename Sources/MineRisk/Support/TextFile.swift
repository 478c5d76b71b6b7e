import Foundation

/// A text file's bytes as UTF-8, whatever the spreadsheet that wrote it: UTF-8 with or without a
/// byte-order mark, or GB18030/GBK as Chinese Excel saves CSV. Anything else is refused by name.
public struct TextFile: Sendable {
    public let displayName: String
    /// UTF-8 bytes; `contentStart` skips a byte-order mark.
    public let bytes: FileBytes
    public let contentStart: Int
    /// The encoding the file was found in.
    public let encoding: String
    /// For a large file of plain ASCII, what the encoding check found on its way (line feeds, quotes, carriage
    /// returns, part by part): the chunked CSV reader cuts the file from it without reading it again.
    let census: ByteCensus?

    public init(utf8 bytes: [UInt8], displayName: String) {
        self.init(utf8: FileBytes(bytes), displayName: displayName)
    }

    private init(utf8 bytes: FileBytes, displayName: String, census: ByteCensus? = nil) {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        self.init(displayName: displayName, bytes: bytes, contentStart: hasBOM ? 3 : 0, encoding: hasBOM ? "UTF-8 with BOM" : "UTF-8",
                  census: census)
    }

    private init(displayName: String, bytes: FileBytes, contentStart: Int, encoding: String, census: ByteCensus? = nil) {
        self.displayName = displayName
        self.bytes = bytes
        self.contentStart = contentStart
        self.encoding = encoding
        self.census = census
    }

    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MineRiskError.missingInput("\(name): no such file")
        }
        guard !isDirectory.boolValue else { throw MineRiskError.missingInput("\(name): is a folder, expected a file") }
        guard let data = readWholeFile(path) else {
            throw MineRiskError.io("\(name): cannot be read (permission denied?)")
        }
        try self.init(data: data, displayName: name)
    }

    /// Lines in the text (line feeds + 1): a capacity hint for readers.
    public var lineCount: Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 1
            for byte in buffer where byte == 0x0A { count += 1 }
            return count
        }
    }

    public init(data: [UInt8], displayName: String) throws {
        try self.init(data: FileBytes(data), displayName: displayName)
    }

    private init(data: FileBytes, displayName: String) throws {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw MineRiskError.invalid(SourceLocation(file: displayName, line: 1, column: 1),
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 CSV")
        }
        // A large file is looked at on all processors first: plain ASCII (as a national assessments.csv is) is valid.
        // A file with a byte outside ASCII in its first 4 KiB (Chinese names) is not looked at this way: it would be
        // read again for its UTF-8 check anyway.
        if data.count >= 1 << 24, data.withUnsafeBufferPointer({ !$0.prefix(4096).contains { $0 >= 0x80 } }) {
            let census = data.withUnsafeBufferPointer { ByteCensus($0) }
            if census.isASCII {
                self.init(utf8: data, displayName: displayName, census: census)
                return
            }
        }
        if let firstBad = data.withUnsafeBufferPointer(firstInvalidUTF8) {
            if let converted = transcodeGB18030(Array(data)) {
                self.init(displayName: displayName, bytes: FileBytes(converted), contentStart: 0, encoding: "GB18030")
                return
            }
            let (line, column) = data.withUnsafeBufferPointer { lineAndColumn(of: firstBad, in: $0) }
            throw MineRiskError.invalid(SourceLocation(file: displayName, line: line, column: column),
                "the file is neither UTF-8 nor GB18030/GBK: byte 0x\(String(data[firstBad], radix: 16, uppercase: true)) at offset \(firstBad) is invalid in both")
        }
        self.init(utf8: data, displayName: displayName)
    }

    /// The decoded text as a Swift string (BOM removed).
    public var string: String { String(decoding: bytes[contentStart...], as: UTF8.self) }
}

/// A file's bytes: a large regular file mapped, anything else read straight into an array (no intermediate copy).
private func readWholeFile(_ path: String) -> FileBytes? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    let size = max(0, Int(status.st_size))
    // A national assessments.csv (hundreds of MB) is parsed in place in the page cache.
    if status.st_mode & S_IFMT == S_IFREG, size >= 1 << 24, let mapped = FileBytes.map(descriptor: descriptor, size: size) {
        return mapped
    }
    return readAll(descriptor, size: size).map(FileBytes.init)
}

/// The bytes of an open file, `size` of them expected (more are read if it has grown, fewer if it shrank).
private func readAll(_ descriptor: Int32, size: Int) -> [UInt8]? {
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        while count < size {
            let n = read(descriptor, buffer.baseAddress! + count, size - count)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
    }
    // Whatever the size did not count (a file still growing, a pipe, /proc): read to the end.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if got < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if got == 0 { break }
        bytes.append(contentsOf: chunk[0..<got])
    }
    return bytes
}

/// The offset of the first byte that is not valid UTF-8, or nil when all of it is.
func firstInvalidUTF8(_ data: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = data.count
    // ASCII fast path: 32 bytes at a time (four words or'ed), then eight, while none has its high bit set.
    do {
        let raw = UnsafeRawBufferPointer(data)
        while i + 32 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            guard word & 0x8080_8080_8080_8080 == 0 else { break }
            i += 32
        }
        while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
    }
    while i < n {
        let b = data[i]
        if b < 0x80 { i += 1; continue }
        let length: Int
        if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 } else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 } else { return i }
        guard i + length <= n else { return i }
        for k in 1..<length where data[i + k] & 0xC0 != 0x80 { return i }
        i += length
    }
    return nil
}

private func lineAndColumn(of offset: Int, in data: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    var line = 1, lineStart = 0
    for i in 0..<offset where data[i] == 0x0A {
        line += 1
        lineStart = i + 1
    }
    return (line, offset - lineStart + 1)
}

/// GB18030 (a superset of GBK and GB2312) to UTF-8 through glibc's iconv; nil when the bytes are not GB18030.
func transcodeGB18030(_ data: [UInt8]) -> [UInt8]? {
    let descriptor = iconv_open("UTF-8", "GB18030")
    guard descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    var input = data.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: data.count * 2 + 16)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
            var inLeft = inBuffer.count
            var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
            var outLeft = outBuffer.count
            let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            guard result != -1, inLeft == 0 else { return nil }
            return outBuffer.count - outLeft
        }
    }
    guard let produced else { return nil }
    return output[0..<produced].map { UInt8(bitPattern: $0) }
}
