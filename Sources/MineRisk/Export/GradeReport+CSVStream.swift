import Foundation

extension GradeReport {
    /// Writes the grade table as `csv()` would, byte for byte, without building it in memory: rows are
    /// made on all processors a block at a time and streamed out in the order of `orderedFacilities`.
    public func writeCSV(to sink: ByteSink, byteOrderMark: Bool = true, threads: Int? = nil) throws {
        var header = CSVWriter(byteOrderMark: byteOrderMark)
        header.row(GradeTableColumns.headerTitles)
        sink.append(header.text)
        let order = orderedIndices
        // Each row's result read in place (through the buffer), not copied with every text and array it holds.
        try facilities.withUnsafeBufferPointer { facilities in
            try sink.writeBlocks(count: order.count, threads: threads) { range, bytes in
                for k in range {
                    for (column, cell) in GradeTableColumns.typedCells(facilities[order[k]]).enumerated() {
                        if column > 0 { bytes.append(0x2C) }
                        cell.appendCSV(to: &bytes)
                    }
                    bytes.append(contentsOf: [0x0D, 0x0A])
                }
            }
        }
        try sink.flush()
    }
}
