/// A LAPACK routine that reported failure through its `info` argument.
public struct LAPACKError: Error, Sendable, CustomStringConvertible {
    public let routine: String
    public let info: Int
    public let reason: String

    public var description: String { "\(routine) failed (info = \(info)): \(reason)" }

    /// Explains an `info` code the way LAPACK's documentation does: negative means an illegal
    /// argument, positive a routine-specific failure described by `positive`.
    static func check(_ routine: String, _ info: Int, positive: (Int) -> String) throws {
        guard info != 0 else { return }
        let reason = info < 0 ? "argument \(-info) had an illegal value" : positive(info)
        throw LAPACKError(routine: routine, info: info, reason: reason)
    }
}
