import Foundation

/// Runs independent tasks on a fixed number of threads. Tasks are handed out in index order, but each
/// task must write only its own part of the result, so the result never depends on the thread count.
struct ParallelTasks {
    let threads: Int

    init(threads: Int?) {
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Calls `body` once for each index in 0..<count; rethrows the error of the lowest failing index.
    func run(_ count: Int, _ body: (Int) throws -> Void) throws {
        try run(count) { index, _ in try body(index) }
    }

    /// The threads `run` uses for `count` tasks.
    func workers(for count: Int) -> Int { max(1, min(threads, count)) }

    /// Calls `body` once for each index in 0..<count, with the worker that runs it (0..<`workers(for: count)`): what a
    /// worker keeps of its own, such as a bitmap, is used by one thread at a time.
    func run(_ count: Int, _ body: (_ index: Int, _ worker: Int) throws -> Void) throws {
        guard count > 0 else { return }
        let workers = workers(for: count)
        if workers == 1 {
            for index in 0..<count { try body(index, 0) }
            return
        }
        let lock = NSLock()
        var next = 0
        var failure: (index: Int, error: Error)?
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < count else { return }
                do {
                    try body(index, worker)
                } catch {
                    lock.lock()
                    if failure == nil || index < failure!.index { failure = (index, error) }
                    lock.unlock()
                }
            }
        }
        if let failure { throw failure.error }
    }
}
