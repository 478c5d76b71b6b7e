import Foundation

/// A value made on another thread while the caller goes on; `value()` waits for it and rethrows its error.
public final class Background<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the worker before it leaves the group; read only after waiting on the group.
    private var result: Result<Value, Error>?

    public init(_ work: @escaping () throws -> Value) {
        group.enter()
        DispatchQueue.global().async { [self] in
            result = Result { try work() }
            group.leave()
        }
    }

    /// Waits until the work is done, whatever its outcome.
    public func wait() { group.wait() }

    /// The work's value, or its error, once it is done.
    public func value() throws -> Value {
        group.wait()
        return try result!.get()
    }
}
