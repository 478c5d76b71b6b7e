import Foundation

/// Writes outputs so that an interrupted write never leaves a truncated file under the target name:
/// a temporary file in the same folder, flushed, then renamed over the target.
public enum AtomicWriter {
    /// Checks, before any work is done, that a file can be created at `path`.
    public static func checkWritable(_ path: String) throws {
        let directory = folder(of: path)
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
        try write(to: path) { temporary in
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw MineRiskError.cannotCreate("\(path): cannot create a temporary file in \(folder(of: path))")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Lets `produce` write a file at a temporary URL in the target's folder (which does not exist yet),
    /// then flushes it and renames it to `path`. If `produce` throws, the temporary file is removed and
    /// an existing file at `path` is left as it was.
    public static func write(to path: String, _ produce: (URL) throws -> Void) throws {
        try checkWritable(path)
        let temporary = temporaryPath(for: path)
        do {
            try produce(URL(fileURLWithPath: temporary))
            try synchronize(temporary, target: path)
            guard rename(temporary, path) == 0 else {
                throw MineRiskError.io("\(path): cannot move the finished file into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? MineRiskError { throw error }
            throw MineRiskError.io("\(path): writing failed: \(error)")
        }
    }

    /// A fresh name beside `path`, hidden, that says what it is for.
    static func temporaryPath(for path: String) -> String {
        let name = ".\((path as NSString).lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return (folder(of: path) as NSString).appendingPathComponent(name)
    }

    /// The folder a path's file is in ("." for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Flushes a finished file to disk so that the rename never exposes a file whose bytes are not there yet.
    private static func synchronize(_ temporary: String, target: String) throws {
        let descriptor = open(temporary, O_RDONLY)
        guard descriptor >= 0 else {
            throw MineRiskError.io("\(target): the temporary file vanished before it was finished: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw MineRiskError.io("\(target): cannot flush the file to disk: \(String(cString: strerror(errno)))")
        }
    }
}
