import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously: the store's protocol is synchronous, postgres-nio's is
/// asynchronous, and this is the bridge between them.
///
/// Each call runs its async work as a task that prefers a thread of its own (`SessionThread`), and waits for it; so a
/// caller blocked here never holds up the thread its own work needs, whatever executor the caller itself is on.
final class PostgresSession {
    let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    private let thread: SessionThread
    private var connection: PostgresConnection?
    private var closed = false
    private let logger: Logger

    /// Connects; a server that cannot be reached or refuses the login is reported as unavailable or refused.
    init(_ location: PostgresLocation) throws {
        self.location = location
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        thread = SessionThread()
        var logger = Logger(label: "minerisk.postgres")
        logger.logLevel = .critical
        self.logger = logger
        do {
            try reconnect()
        } catch {
            close()
            throw error
        }
    }

    /// Opens a new connection in place of the old one (after the server dropped it).
    func reconnect() throws {
        dropConnection()
        let tls: PostgresConnection.Configuration.TLS
        if location.requireTLS {
            do {
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            } catch {
                throw MineRiskError.usage("\(location): TLS could not be set up: \(error)")
            }
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: location.password, database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        let eventLoop = group.next()
        let logger = logger
        connection = try translating(context: "connecting") {
            try wait { try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: logger) }
        }
    }

    /// Closes the connection and stops its threads; the session cannot be used afterwards.
    func close() {
        guard !closed else { return }
        closed = true
        dropConnection()
        try? group.syncShutdownGracefully()
        thread.stop()
    }

    deinit { close() }

    /// Closes the connection (a lost one too: postgres-nio wants every connection closed before it goes).
    private func dropConnection() {
        if let old = connection { _ = try? wait { try await old.close() } }
        connection = nil
    }

    // MARK: - Statements

    /// Runs a statement with `$1`, `$2`, … bound to `arguments`; returns the rows it affected.
    @discardableResult
    func execute(_ sql: String, _ arguments: [(any PostgresBindable)?] = []) throws -> Int {
        let query = try Self.query(sql, arguments)
        let connection = try live()
        let logger = logger
        return try translating(context: sql) {
            try wait {
                let rows = try await connection.query(query, logger: logger)
                var count = 0
                for try await _ in rows { count += 1 }
                return count
            }
        }
    }

    /// Runs one statement without arguments (`BEGIN`, `COMMIT`, a schema change). postgres-nio speaks only the
    /// extended query protocol, which takes one command per statement.
    func script(_ sql: String) throws {
        try execute(sql)
    }

    /// The rows of a query, each read into a `PostgresStoreRow`.
    func rows(_ sql: String, _ arguments: [(any PostgresBindable)?] = []) throws -> [PostgresStoreRow] {
        var rows: [PostgresStoreRow] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    /// The first row of a query, or nil.
    func row(_ sql: String, _ arguments: [(any PostgresBindable)?] = []) throws -> PostgresStoreRow? {
        try rows(sql, arguments).first
    }

    /// The first column of the first row, or nil when there is no row.
    func value<T: PostgresDecodable>(_ type: T.Type, _ sql: String, _ arguments: [(any PostgresBindable)?] = []) throws -> T? {
        guard let row = try row(sql, arguments) else { return nil }
        return try row.first(T.self)
    }

    /// The first column of every row.
    func values<T: PostgresDecodable>(_ type: T.Type, _ sql: String, _ arguments: [(any PostgresBindable)?] = []) throws -> [T] {
        try rows(sql, arguments).map { try $0.first(T.self) }
    }

    /// Streams a query's rows to `body`, on the caller's thread, a batch at a time (so memory follows the batch).
    func forEachRow(_ sql: String, _ arguments: [(any PostgresBindable)?] = [], batch: Int = 4096,
                    _ body: (PostgresStoreRow) throws -> Void) throws {
        try forEachRawRow(sql, arguments, batch: batch) { try body(PostgresStoreRow($0)) }
    }

    /// As `forEachRow`, with postgres-nio's rows, for decoding a long result by position (`row.decode((A, B).self)`).
    func forEachRawRow(_ sql: String, _ arguments: [(any PostgresBindable)?] = [], batch: Int = 4096,
                       _ body: (PostgresRow) throws -> Void) throws {
        let query = try Self.query(sql, arguments)
        let connection = try live()
        let logger = logger
        let stream = try translating(context: sql) {
            try wait { RowStream(try await connection.query(query, logger: logger).makeAsyncIterator()) }
        }
        while true {
            let rows = try translating(context: sql) { try wait { try await stream.next(batch) } }
            for row in rows { try body(row) }
            if rows.count < batch { break }
        }
    }

    /// `COPY table (columns) FROM STDIN` in the text format (PostgreSQL 15 documentation, COPY, "Text Format").
    ///
    /// `feed` writes the rows on the caller's thread, into a `CopyRows` that hands them over about a MiB at a time to
    /// the session's thread, which sends them; a few chunks wait at most, so memory follows the chunk, not the table.
    /// An error thrown by `feed` fails the COPY (the server discards it all); a server error stops `feed` at its next chunk.
    func copy(into table: String, columns: [String], _ feed: (CopyRows) throws -> Void) throws {
        let connection = try live()
        let logger = logger
        let pipe = CopyPipe()
        let pending = start {
            defer { pipe.stop() }
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                while let chunk = try pipe.pop() { try await writer.write(chunk) }
            }
        }
        let rows = CopyRows(pipe)
        do {
            try feed(rows)
            try rows.flush()
            pipe.finish(nil)
        } catch {
            pipe.finish(error)
            let sent = Result { try pending.wait() }
            // The feed stopped because the server failed the COPY (or the connection went): that is the error.
            if error is CopyStopped, case let .failure(serverError) = sent {
                try translating(context: "COPY \(table)") { throw serverError }
            }
            throw error
        }
        try translating(context: "COPY \(table)") { try pending.wait() }
    }

    // MARK: - Transactions

    /// Runs `body` in one transaction: all of it is committed or none of it.
    ///
    /// A serialization failure or a deadlock the server broke (SQLSTATE 40001, 40P01), and a connection lost before
    /// COMMIT, roll the whole transaction back: it is run again from the start, up to `attempts` times. A connection
    /// lost during COMMIT cannot be retried blindly; it is reported as unknown outcome.
    func transaction<T>(readOnly: Bool = false, attempts: Int = 5, _ body: () throws -> T) throws -> T {
        for attempt in 1... {
            do {
                try script(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
                let result: T
                do {
                    result = try body()
                } catch {
                    if connection != nil { try? script("ROLLBACK") }
                    throw error
                }
                do {
                    try script("COMMIT")
                } catch let error as PostgresFailure where error.connectionLost {
                    throw MineRiskError.unavailable("\(location): the connection was lost while committing; the change may or may not have been applied: check with minerisk db rounds before running it again")
                }
                return result
            } catch let error as PostgresFailure where error.isRetryable && attempt < attempts {
                if error.connectionLost {
                    Thread.sleep(forTimeInterval: 0.2 * Double(attempt))
                    do { try reconnect() } catch { if attempt + 1 >= attempts { throw error } }
                } else {
                    Thread.sleep(forTimeInterval: 0.02 * Double(attempt) * Double.random(in: 1...2))
                }
            } catch let error as PostgresFailure {
                throw error.mineRiskError
            }
        }
        fatalError("unreachable")
    }

    // MARK: - Bridging

    private func live() throws -> PostgresConnection {
        guard let connection else { throw PostgresFailure(location: location, sqlState: nil, message: "not connected", connectionLost: true) }
        return connection
    }

    /// Runs `body` on the session's thread and waits for it.
    private func wait<T>(_ body: @escaping () async throws -> T) throws -> T {
        try start(body).wait()
    }

    /// Starts `body` on the session's thread; `wait()` on the result waits for it to end.
    private func start<T>(_ body: @escaping () async throws -> T) -> PendingWork<T> {
        let pending = PendingWork<T>()
        let work = UncheckedBox(body)
        Task(executorPreference: thread) {
            do { pending.result = .success(try await work.value()) } catch { pending.result = .failure(error) }
            pending.done.signal()
        }
        return pending
    }

    /// Runs `body`, turning postgres-nio's errors into `PostgresFailure`s that name the store.
    private func translating<T>(context: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PSQLError {
            let failure = PostgresFailure(location: location, error: error, context: context)
            if failure.connectionLost { dropConnection() }
            throw failure
        } catch let error as PostgresFailure {
            throw error
        } catch let error as MineRiskError {
            throw error
        } catch {
            // NIO's own connection errors (refused, reset, timed out) arrive as other error types.
            dropConnection()
            throw PostgresFailure(location: location, sqlState: nil, message: "\(error)", connectionLost: true)
        }
    }

    /// A query with its arguments bound in order.
    private static func query(_ sql: String, _ arguments: [(any PostgresBindable)?]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            if let argument { try argument.bind(into: &bindings) } else { bindings.appendNull() }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}

/// Rows for `COPY … FROM STDIN` in the text format: tab-separated columns, `\N` for NULL, and backslash, tab,
/// newline and carriage return escaped (PostgreSQL 15 documentation, COPY, "Text Format"). Call the column writers
/// in the table's column order, then `end()` for each row.
final class CopyRows {
    private var bytes = ByteBuffer()
    private var first = true
    private let pipe: CopyPipe

    fileprivate init(_ pipe: CopyPipe) {
        self.pipe = pipe
        bytes.reserveCapacity(Self.chunk + 4096)
    }

    /// About how many bytes are handed over at a time.
    static let chunk = 1 << 20

    private func separate() {
        if first { first = false } else { bytes.writeInteger(UInt8(0x09)) }
    }

    func text(_ value: String?) {
        separate()
        guard let value else { bytes.writeStaticString("\\N"); return }
        var needsEscape = false
        for byte in value.utf8 where byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D { needsEscape = true; break }
        guard needsEscape else { bytes.writeString(value); return }
        for byte in value.utf8 {
            switch byte {
            case 0x5C: bytes.writeStaticString("\\\\")
            case 0x09: bytes.writeStaticString("\\t")
            case 0x0A: bytes.writeStaticString("\\n")
            case 0x0D: bytes.writeStaticString("\\r")
            default: bytes.writeInteger(byte)
            }
        }
    }

    func int<I: BinaryInteger>(_ value: I?) {
        separate()
        guard let value else { bytes.writeStaticString("\\N"); return }
        bytes.writeString(String(value))
    }

    /// A double as the shortest text that reads back to the same bits (Swift's description), which `float8in` takes.
    func double(_ value: Double?) {
        separate()
        guard let value else { bytes.writeStaticString("\\N"); return }
        if value.isNaN {
            bytes.writeStaticString("NaN")
        } else if value.isInfinite {
            bytes.writeStaticString(value < 0 ? "-Infinity" : "Infinity")
        } else {
            bytes.writeString(value.description)
        }
    }

    func bool(_ value: Bool?) {
        separate()
        guard let value else { bytes.writeStaticString("\\N"); return }
        bytes.writeStaticString(value ? "t" : "f")
    }

    /// Ends the row; a full chunk is handed over.
    func end() throws {
        bytes.writeInteger(UInt8(0x0A))
        first = true
        if bytes.readableBytes >= Self.chunk { try flush() }
    }

    fileprivate func flush() throws {
        guard bytes.readableBytes > 0 else { return }
        try pipe.push(bytes)
        bytes = ByteBuffer()
        bytes.reserveCapacity(Self.chunk + 4096)
    }
}

/// The chunks of a COPY on their way from the thread that makes them to the session's thread that sends them.
private final class CopyPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [ByteBuffer] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false
    private let capacity = 4

    /// Hands a chunk over, waiting while `capacity` chunks wait already; throws once the sender has stopped.
    func push(_ chunk: ByteBuffer) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { throw CopyStopped() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// No more chunks: the COPY ends, or fails with `error`.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, nil at the end; throws the maker's error. A throw or the end stops the pipe.
    func pop() throws -> ByteBuffer? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if let failure { stopped = true; condition.broadcast(); throw failure }
        guard !chunks.isEmpty else { stopped = true; condition.broadcast(); return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Marks the pipe stopped by the sender (the server failed the COPY).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The sender stopped taking chunks: the COPY failed on the server, whose error is reported instead.
private struct CopyStopped: Error {}

/// A value a statement can take as an argument.
protocol PostgresBindable {
    func bind(into bindings: inout PostgresBindings) throws
}

extension String: PostgresBindable { func bind(into b: inout PostgresBindings) { b.append(self) } }
extension Int: PostgresBindable { func bind(into b: inout PostgresBindings) { b.append(self) } }
extension Int64: PostgresBindable { func bind(into b: inout PostgresBindings) { b.append(self) } }
extension Double: PostgresBindable { func bind(into b: inout PostgresBindings) { b.append(self) } }
extension Bool: PostgresBindable { func bind(into b: inout PostgresBindings) { b.append(self) } }
extension Data: PostgresBindable { func bind(into b: inout PostgresBindings) throws { try b.append(self) } }

/// A row read back, its columns by name.
struct PostgresStoreRow {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    /// The column's value as `T` (an optional for a column that may be NULL).
    subscript<T: PostgresDecodable>(_ column: String) -> T {
        get throws {
            guard row.contains(column) else {
                throw MineRiskError.io("the store has no column \(column) where this minerisk reads one")
            }
            do {
                return try row[column].decode(T.self)
            } catch {
                throw MineRiskError.io("column \(column): expected \(T.self), found something else (\(error))")
            }
        }
    }

    /// The first column's value.
    func first<T: PostgresDecodable>(_ type: T.Type) throws -> T {
        do {
            return try row[0].decode(T.self)
        } catch {
            throw MineRiskError.io("expected \(T.self) in the first column, found something else (\(error))")
        }
    }
}

/// A server error with what the store needs from it: the SQLSTATE (PostgreSQL 15 documentation, Appendix A) and
/// whether the connection is gone.
struct PostgresFailure: Error, CustomStringConvertible {
    let location: PostgresLocation
    let sqlState: String?
    let message: String
    let connectionLost: Bool

    init(location: PostgresLocation, sqlState: String?, message: String, connectionLost: Bool) {
        self.location = location
        self.sqlState = sqlState
        self.message = message
        self.connectionLost = connectionLost
    }

    init(location: PostgresLocation, error: PSQLError, context: String) {
        self.location = location
        sqlState = error.serverInfo?[.sqlState]
        var text = error.serverInfo?[.message] ?? "\(error.code)"
        if let detail = error.serverInfo?[.detail] { text += " (\(detail))" }
        if sqlState == nil, context != "connecting" { text += " while running \(context.prefix(80))" }
        message = text
        // 57P01–57P03: the server is shutting down or cannot accept connections; 08xxx: connection exceptions.
        connectionLost = [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown].contains(error.code)
            || sqlState.map { $0.hasPrefix("08") || $0.hasPrefix("57P") } == true
    }

    var description: String { "\(location): PostgreSQL: \(message)" }

    /// 40001 serialization_failure, 40P01 deadlock_detected: the server rolled the transaction back; run it again.
    var isRetryable: Bool { connectionLost || sqlState == "40001" || sqlState == "40P01" }

    /// The user-facing error, with its sysexits code.
    var mineRiskError: MineRiskError {
        switch sqlState {
        case "42501"?:
            // insufficient_privilege, and row-level security's "new row violates row-level security policy".
            return .refused("\(location): refused by the server: \(message); a county user may change only that county's facilities, assessments and hazards")
        case "28P01"?, "28000"?:
            return .refused("\(location): the server refused the login: \(message); give the password in PGPASSWORD")
        case "23505"?:
            // unique_violation: a facility, expert or hazard id already stored (another county's, say).
            return .cannotCreate("\(location): \(message); nothing was changed")
        case "3D000"?:
            return .missingInput("\(location): no such database on the server: \(message)")
        case "40001"?, "40P01"?:
            return .conflict("\(location): \(message); nothing was changed: run it again")
        default:
            if connectionLost {
                return .unavailable("\(location): the server cannot be reached or dropped the connection (\(message)); nothing was changed")
            }
            return .io(description)
        }
    }
}

extension MineRiskError {
    /// A PostgreSQL failure as the user sees it; any other error as it is.
    static func from(_ error: any Error) -> any Error {
        (error as? PostgresFailure)?.mineRiskError ?? error
    }
}

/// The thread a session's async work prefers, so that it never waits for a thread of the shared pool.
final class SessionThread: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "minerisk.postgres"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty && stopped { condition.unlock(); return }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}

/// Rows pulled from a result a batch at a time.
private final class RowStream: @unchecked Sendable {
    private var iterator: PostgresRowSequence.AsyncIterator

    init(_ iterator: PostgresRowSequence.AsyncIterator) { self.iterator = iterator }

    func next(_ count: Int) async throws -> [PostgresRow] {
        var rows: [PostgresRow] = []
        rows.reserveCapacity(count)
        while rows.count < count, let row = try await iterator.next() { rows.append(row) }
        return rows
    }
}

/// Work running on the session's thread, waited for by the caller.
private final class PendingWork<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
    let done = DispatchSemaphore(value: 0)

    func wait() throws -> T {
        done.wait()
        return try result!.get()
    }
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
