/// The 0-based column and 1-based row of a reference such as "AB12"; nil when it is not one.
public func xlsxParseReference(_ reference: String) -> (column: Int, row: Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for scalar in reference.unicodeScalars {
        switch scalar.value {
        case 65...90 where digits == 0:
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
        case 97...122 where digits == 0:
            column = column * 26 + Int(scalar.value - 96)
            letters += 1
        case 48...57 where letters > 0:
            row = row * 10 + Int(scalar.value - 48)
            digits += 1
        case 36:
            continue // "$A$1"
        default:
            return nil
        }
        if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0, digits > 0, row > 0 else { return nil }
    return (column - 1, row)
}

/// Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
public func xlsxColumnName(_ index: Int) -> String {
    var n = index + 1
    var name = ""
    while n > 0 {
        let remainder = (n - 1) % 26
        name = String(UnicodeScalar(UInt8(65 + remainder))) + name
        n = (n - 1) / 26
    }
    return name
}

/// A cell reference such as "C7" from 0-based row and column.
public func xlsxCellReference(row: Int, column: Int) -> String {
    xlsxColumnName(column) + String(row + 1)
}
