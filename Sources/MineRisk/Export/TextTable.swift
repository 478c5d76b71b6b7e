/// A plain-text table for terminals: columns padded by display width, so Chinese text lines up.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Per-row ANSI colour (applied to one column) when rendering for a terminal.
    public var rowColours: [Int: (column: Int, code: String)] = [:]
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int> = []

    public init(headers: [String]) { self.headers = headers }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render(colour: Bool = false) -> String {
        let widths = headers.indices.map { c in ([headers[c]] + rows.map { $0[c] }).map(displayWidth).max() ?? 0 }
        func line(_ cells: [String], _ rowIndex: Int?) -> String {
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - displayWidth(cell))
                var text = rightAligned.contains(c) ? pad + cell : cell + pad
                if colour, let rowIndex, let paint = rowColours[rowIndex], paint.column == c {
                    text = "\u{1B}[\(paint.code)m\(text)\u{1B}[0m"
                }
                return text
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = [line(headers, nil), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for (i, row) in rows.enumerated() { out.append(line(row, i)) }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

/// Terminal columns a string takes: East Asian wide and full-width characters take two.
public func displayWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
        if scalar == "\u{1B}" { inEscape = true; continue }
        if inEscape { if scalar == "m" { inEscape = false }; continue }
        let v = scalar.value
        if v < 0x20 { continue }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        width += wide ? 2 : 1
    }
    return width
}

/// ANSI colour codes for the grade colours (blue, yellow, orange as 256-colour 208, red).
public func ansiCode(for grade: RiskGrade) -> String {
    switch grade {
    case .low: return "1;34"
    case .general: return "1;33"
    case .significant: return "1;38;5;208"
    case .major: return "1;31"
    }
}
