import Foundation

extension ByteSink {
    /// Writes `count` items in order, encoded on all processors: items are cut into blocks, a few blocks per
    /// thread are encoded side by side into their own buffers, then written in order before the next ones are
    /// encoded, so the output is the same on any number of threads and only a few blocks are ever in memory.
    /// - Parameters:
    ///   - blockSize: items per block.
    ///   - threads: nil for one per processor.
    ///   - encode: appends the items of a range of indices to a buffer.
    func writeBlocks(count: Int, blockSize: Int = 1024, threads: Int? = nil,
                     _ encode: (Range<Int>, inout [UInt8]) -> Void) throws {
        let tasks = ParallelTasks(threads: threads)
        let blocks = (count + blockSize - 1) / blockSize
        let wave = tasks.threads * 4
        var buffers = [[UInt8]](repeating: [], count: wave)
        var first = 0
        while first < blocks {
            let n = min(wave, blocks - first)
            buffers.withUnsafeMutableBufferPointer { buffers in
                try? tasks.run(n) { k in
                    let start = (first + k) * blockSize
                    buffers[k].removeAll(keepingCapacity: true)
                    encode(start..<min(count, start + blockSize), &buffers[k])
                }
            }
            for k in 0..<n {
                append(buffers[k])
                try flushIfFull()
            }
            first += n
        }
    }
}
