import Foundation

/// Runs a `ReadingReader` (or a store's `ReadingSource`) on a second thread and hands its readings to the caller in
/// batches, through a queue of at most `depth` batches: parsing and the points' trackers then use two cores, and
/// memory stays `depth × size` readings, whatever the file holds.
final class ReadingBatches: @unchecked Sendable {
    private let condition = NSCondition()
    private var full: [[ReadingReader.Reading]] = []
    private var spare: [[ReadingReader.Reading]] = []
    private var finished = false
    private var failure: Error?
    private var problems = ProblemList()
    private var rejects: [RejectedRow] = []
    private let depth: Int
    private let size: Int

    /// Starts reading the file at once.
    convenience init(reader: ReadingReader, skipInvalid: Bool, rejects initial: [RejectedRow]) {
        self.init(rejects: initial) { problems, rejects, emit in
            _ = try reader.read(skipInvalid: skipInvalid, problems: &problems, rejects: &rejects, emit)
        }
    }

    /// Starts reading a store's readings at once (they were checked when they were imported).
    convenience init(source: ReadingSource, rejects initial: [RejectedRow]) {
        self.init(rejects: initial) { _, _, emit in try source.produce(emit) }
    }

    private init(rejects initial: [RejectedRow], size: Int = 8_192, depth: Int = 4,
                 _ read: @escaping (inout ProblemList, inout [RejectedRow], (ReadingReader.Reading) throws -> Void) throws -> Void) {
        self.size = size
        self.depth = depth
        rejects = initial
        let thread = Thread { [self] in produce(read) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func produce(_ read: (inout ProblemList, inout [RejectedRow], (ReadingReader.Reading) throws -> Void) throws -> Void) {
        var problems = ProblemList()
        var rejects = self.rejects
        var batch = takeSpare()
        do {
            try read(&problems, &rejects) { reading in
                batch.append(reading)
                if batch.count == size {
                    hand(batch)
                    batch = takeSpare()
                }
            }
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        if !batch.isEmpty { hand(batch) }
        condition.lock()
        self.problems = problems
        self.rejects = rejects
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// A batch to fill: a returned one (its storage kept), or a new one.
    private func takeSpare() -> [ReadingReader.Reading] {
        condition.lock()
        defer { condition.unlock() }
        if var batch = spare.popLast() {
            batch.removeAll(keepingCapacity: true)
            return batch
        }
        var batch: [ReadingReader.Reading] = []
        batch.reserveCapacity(size)
        return batch
    }

    /// Queues a full batch, waiting while `depth` batches wait already.
    private func hand(_ batch: [ReadingReader.Reading]) {
        condition.lock()
        while full.count >= depth { condition.wait() }
        full.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Calls `body` with every reading in file order, then returns the reader's problems and rejects (or throws what
    /// the reader threw).
    func forEach(_ body: (ReadingReader.Reading) -> Void) throws -> (problems: ProblemList, rejects: [RejectedRow]) {
        while true {
            condition.lock()
            while full.isEmpty && !finished { condition.wait() }
            if full.isEmpty {
                defer { condition.unlock() }
                if let failure { throw failure }
                return (problems, rejects)
            }
            let batch = full.removeFirst()
            condition.broadcast()
            condition.unlock()
            for reading in batch { body(reading) }
            condition.lock()
            spare.append(batch)
            condition.unlock()
        }
    }
}
