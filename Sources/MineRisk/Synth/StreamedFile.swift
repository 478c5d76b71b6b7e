import Foundation

/// A file written in pieces under a temporary name beside its target, then moved into place, so that an
/// interrupted run never leaves a truncated file under the real name (as `AtomicWriter` does for whole files).
final class StreamedFile {
    let handle: FileHandle
    private let path: String
    private let temporary: String
    private var committed = false

    init(folder: String, name: String) throws {
        path = (folder as NSString).appendingPathComponent(name)
        try AtomicWriter.checkWritable(path)
        temporary = (folder as NSString).appendingPathComponent(".\(name).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw MineRiskError.cannotCreate("\(path): cannot create a temporary file in \(folder)")
        }
        self.handle = handle
    }

    /// Flushes, closes and renames the finished file over the target.
    func commit() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw MineRiskError.io("\(path): writing failed: \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            throw MineRiskError.io("\(path): cannot move the finished file into place: \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    deinit {
        if !committed {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
