/// A dense matrix of doubles stored row-major; the one currency of the numerical code.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var storage: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        storage = [Double](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, storage: [Double]) {
        precondition(storage.count == rows * columns, "storage does not match \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from its rows; every row must have the same length.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "ragged rows")
        self.init(rows: rowArrays.count, columns: columns, storage: rowArrays.flatMap { $0 })
    }

    public subscript(row: Int, column: Int) -> Double {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    public func row(_ index: Int) -> [Double] {
        Array(storage[index * columns ..< (index + 1) * columns])
    }

    public func column(_ index: Int) -> [Double] {
        (0..<rows).map { storage[$0 * columns + index] }
    }

    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// Each column's minimum and maximum, as `column(j).min()` and `.max()` give them, found row by row in one pass
    /// over the storage (empty when the matrix has no rows).
    public var columnExtremes: (lowest: [Double], highest: [Double]) {
        guard rows > 0 else { return ([], []) }
        var lowest = row(0), highest = lowest
        for i in 1..<rows {
            for j in 0..<columns {
                let e = storage[i * columns + j]
                if e < lowest[j] { lowest[j] = e }
                if highest[j] < e { highest[j] = e }
            }
        }
        return (lowest, highest)
    }

    public var isSquare: Bool { rows == columns }

    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows { for c in 0..<columns { result[c, r] = self[r, c] } }
        return result
    }

    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }
}
