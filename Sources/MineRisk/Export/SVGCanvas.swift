import Foundation

/// A small SVG drawing: shapes and text in user units, rendered scalable (viewBox, width 100 %).
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A rectangle; `tooltip` becomes its <title>, which browsers show on hover.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, opacity: Double? = nil, radius: Double = 0, tooltip: String? = nil) {
        guard width > 0, height > 0 else { return }
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(colour(fill))\""
        if let stroke { body += " stroke=\"\(colour(stroke))\" stroke-width=\"1\"" }
        if let opacity { body += " fill-opacity=\"\(n(opacity))\"" }
        if radius > 0 { body += " rx=\"\(n(radius))\"" }
        if let tooltip { body += "><title>\(xmlEscaped(tooltip))</title></rect>" } else { body += "/>" }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(colour(stroke))\" stroke-width=\"\(n(width))\""
        body += dashed ? " stroke-dasharray=\"4 3\"/>" : "/>"
    }

    /// A path through points (x, y): a polyline, or a closed shape when `fill` is given.
    mutating func path(_ points: [(Double, Double)], stroke: String, width: Double = 1, fill: String? = nil, opacity: Double? = nil) {
        guard let first = points.first else { return }
        body += "<path d=\"M\(n(first.0)) \(n(first.1))" + points.dropFirst().map { "L\(n($0.0)) \(n($0.1))" }.joined()
        body += fill == nil ? "\" fill=\"none\"" : "Z\" fill=\"\(colour(fill!))\""
        if let opacity { body += " fill-opacity=\"\(n(opacity))\"" }
        body += " stroke=\"\(colour(stroke))\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\"/>"
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                       weight: Int = 400, fill: String = "1D2330", rotate: Double? = nil) {
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(colour(fill))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if weight != 400 { body += " font-weight=\"\(weight)\"" }
        if let rotate { body += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        body += ">\(xmlEscaped(text))</text>"
    }

    /// A legend of colour swatches in one row, starting at (x, y); returns the x where it ended.
    @discardableResult
    mutating func legend(_ items: [(label: String, fill: String)], x: Double, y: Double, size: Double = 12) -> Double {
        var cursor = x
        for item in items {
            rect(x: cursor, y: y - size + 2, width: size, height: size, fill: item.fill, radius: 2)
            text(item.label, x: cursor + size + 5, y: y, size: size)
            cursor += size + 5 + Double(displayWidth(item.label)) * size * 0.52 + 18
        }
        return cursor
    }

    /// The SVG element, labelled for screen readers.
    func render(label: String) -> String {
        "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"100%\" role=\"img\" aria-label=\"\(xmlEscaped(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(xmlEscaped(label))</title>" + body + "</svg>"
    }

    /// A coordinate with at most two decimals.
    private func n(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// "D7263D" → "#D7263D"; names and "none" pass through.
    private func colour(_ value: String) -> String {
        value.count == 6 && value.allSatisfy(\.isHexDigit) ? "#" + value : value
    }
}

/// Axis ticks from 0 to at least `maximum` in about `target` round steps (1, 2 or 5 × 10ⁿ; whole numbers for counts).
func niceTicks(maximum: Double, target: Int = 5, integers: Bool = true) -> [Double] {
    let top = maximum > 0 ? maximum : 1
    let raw = top / Double(target)
    let magnitude = pow(10, floor(log10(raw)))
    var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999 } ?? 10 * magnitude
    if integers { step = max(1, step.rounded()) }
    var ticks = [0.0]
    while ticks.last! < top - step * 1e-9 { ticks.append(ticks.last! + step) }
    return ticks
}
