import Foundation

extension GradeReport {
    /// Writes the grade table as `csv()` would, byte for byte, without building it in memory: rows are
    /// made on all processors a block at a time and streamed out in the order of `orderedFacilities`.
    public func writeCSV(to sink: ByteSink, byteOrderMark: Bool = true, threads: Int? = nil) throws {
        var header = CSVWriter(byteOrderMark: byteOrderMark)
        header.row(GradeTableColumns.headerTitles)
        sink.append(header.text)
        let order = orderedIndices
        let facilities = self.facilities
        try sink.writeBlocks(count: order.count, threads: threads) { range, bytes in
            var line = ""
            for k in range {
                line.removeAll(keepingCapacity: true)
                for (column, cell) in GradeTableColumns.cells(facilities[order[k]]).enumerated() {
                    if column > 0 { line += "," }
                    line += CSVWriter.quote(cell)
                }
                line += "\r\n"
                line.withUTF8 { bytes.append(contentsOf: $0) }
            }
        }
        try sink.flush()
    }
}
