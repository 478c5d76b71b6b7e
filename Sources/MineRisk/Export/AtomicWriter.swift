import Foundation

/// Writes outputs so that an interrupted write never leaves a truncated file under the target name:
/// a temporary file in the same folder, flushed, then renamed over the target.
public enum AtomicWriter {
    /// Checks, before any work is done, that a file can be created at `path`.
    public static func checkWritable(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw MineRiskError.cannotCreate("\(path): the folder \(directory) does not exist")
        }
        guard isDirectory.boolValue else { throw MineRiskError.cannotCreate("\(path): \(directory) is not a folder") }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw MineRiskError.cannotCreate("\(path): the folder \(directory) is not writable")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw MineRiskError.cannotCreate("\(path): is a folder, expected a file name")
        }
    }

    /// Writes bytes atomically to `path`.
    public static func write(_ data: Data, to path: String) throws {
        try checkWritable(path)
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw MineRiskError.cannotCreate("\(path): cannot create a temporary file in \(directory)")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw MineRiskError.io("\(path): cannot move the finished file into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? MineRiskError { throw error }
            throw MineRiskError.io("\(path): writing failed: \(error.localizedDescription)")
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
