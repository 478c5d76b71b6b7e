import Foundation
import GRDB

/// A file written by `exportRound`.
public struct ExportedFile: Sendable, Equatable, Codable {
    public var name: String
    public var path: String
    public var bytes: Int
    public var sha256: String
}

extension SQLiteStore {
    /// Writes a round's data folder back out: every file exactly as it was imported, checked against its SHA-256.
    ///
    /// The folder is created if needed and must hold none of the round's files already, so nothing is overwritten.
    /// Grading the exported folder with `--data` gives what grading the stored round gives.
    public func exportRound(_ id: String, to folder: String) throws -> [ExportedFile] {
        let files = try read { db -> [(name: String, sha256: String, content: Data)] in
            try requireRound(id, db)
            return try Row.fetchAll(db, sql: "SELECT name, sha256, content FROM round_files WHERE round_id = ? ORDER BY name", arguments: [id])
                .map { ($0["name"], $0["sha256"], $0["content"]) }
        }
        for file in files where sha256Hex([UInt8](file.content)) != file.sha256 {
            throw MineRiskError.invalid(SourceLocation(file: path),
                                        "round \(id): the archived \(file.name) no longer matches its SHA-256 \(file.sha256); the store is damaged, nothing was exported")
        }
        return try RoundFolderWriter.write(files.map { ArchivedFile(name: $0.name, content: [UInt8]($0.content)) }, to: folder)
    }
}

/// Writes a stored round's files into a folder, for every store's `exportRound`.
enum RoundFolderWriter {
    /// The folder is created if needed and must hold none of the files already, so nothing is overwritten; a file's
    /// subfolder (monitoring/, counties/COUNTY/) is made as needed.
    static func write(_ files: [ArchivedFile], to folder: String) throws -> [ExportedFile] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw MineRiskError.cannotCreate("\(folder): is a file; --output expects a folder for the round's files") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            } catch {
                throw MineRiskError.cannotCreate("\(folder): cannot create the folder: \(error.localizedDescription)")
            }
        }
        let targets = files.map { (folder as NSString).appendingPathComponent($0.name) }
        if let existing = targets.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw MineRiskError.cannotCreate("\(existing): already exists; export into a new or empty folder")
        }
        // A round's monitoring files go back into their own folder (monitoring/points.csv, …).
        for parent in Set(targets.map { ($0 as NSString).deletingLastPathComponent }) where !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw MineRiskError.cannotCreate("\(parent): cannot create the folder: \(error.localizedDescription)")
            }
        }
        for target in targets { try AtomicWriter.checkWritable(target) }
        return try zip(files, targets).map { file, target in
            try AtomicWriter.write(Data(file.content), to: target)
            return ExportedFile(name: file.name, path: target, bytes: file.content.count, sha256: file.sha256)
        }
    }
}
