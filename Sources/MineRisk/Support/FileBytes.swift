import Foundation

/// A file's bytes: an array, or for a large regular file a read-only memory map of it, so that a national
/// assessments.csv is parsed where the page cache already holds it rather than copied into fresh memory first
/// (first-touched memory costs more than the copy: the kernel zeroes every new page).
///
/// A mapped file must not be truncated by another program while it is read (the process would get SIGBUS), as
/// with every reader that maps its input.
public struct FileBytes: RandomAccessCollection, Sendable {
    private let storage: Storage

    /// Bytes held in memory.
    public init(_ array: [UInt8]) {
        storage = Storage(array: array)
    }

    /// The first `size` bytes of an open regular file, mapped read-only with its pages mapped in at once; nil when the
    /// system refuses the map (the caller then reads the file).
    static func map(descriptor: Int32, size: Int) -> FileBytes? {
        guard size > 0 else { return nil }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, size, PROT_READ, flags, descriptor, 0), base != MAP_FAILED else { return nil }
        return FileBytes(storage: Storage(mapped: UnsafeRawBufferPointer(start: base, count: size)))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < storage.count, "index \(position) out of range 0..<\(storage.count)")
        if let mapped = storage.mapped { return mapped[position] }
        return storage.array[position]
    }

    /// Gives a mapped file's pages back to the system (they no longer count in the process's memory); they are mapped
    /// in again from the page cache if the bytes are read later. Nothing to do for bytes held in an array.
    public func releasePages() {
        releasePages(in: 0..<count)
    }

    /// Gives back the pages that lie wholly inside `range` of a mapped file (a reader done with that part of it).
    public func releasePages(in range: Range<Int>) {
        guard let mapped = storage.mapped, let base = mapped.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: base)
        let first = (address + range.lowerBound + page - 1) / page * page, last = (address + range.upperBound) / page * page
        guard last > first else { return }
        madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED)
    }

    /// Whether the bytes are a map of the file (for tests and `--timings`).
    public var isMapped: Bool { storage.mapped != nil }

    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let mapped = storage.mapped {
            return try body(UnsafeBufferPointer(start: mapped.baseAddress!.assumingMemoryBound(to: UInt8.self), count: mapped.count))
        }
        return try storage.array.withUnsafeBufferPointer(body)
    }

    public func withContiguousStorageIfAvailable<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        try withUnsafeBufferPointer(body)
    }

    /// Owns the array or the map (unmapped when the last copy of the bytes goes).
    private final class Storage: @unchecked Sendable {
        let array: [UInt8]
        let mapped: UnsafeRawBufferPointer?
        let count: Int

        init(array: [UInt8]) {
            self.array = array
            mapped = nil
            count = array.count
        }

        init(mapped: UnsafeRawBufferPointer) {
            array = []
            self.mapped = mapped
            count = mapped.count
        }

        deinit {
            if let mapped { munmap(UnsafeMutableRawPointer(mutating: mapped.baseAddress), mapped.count) }
        }
    }
}
