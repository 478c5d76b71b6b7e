extension MonitoringSynthesizer {
    /// thresholds.yaml: per pond for the season, the displacement method with the design's uniform-stage
    /// velocity, and the design unit's values for water level, pore pressure and seepage around each pond's
    /// normal level; other items take the standards' defaults. One point shows an override.
    func thresholdsYAML(_ points: [PlannedPoint]) -> String {
        let bases = self.bases(points)
        var text = """
        # Synthetic thresholds for the monitoring data beside this file (minerisk synth monitoring).
        # Items left out take the defaults of GB 51108-2015 §8.3 (freeboard, dry beach and phreatic line
        # from GB 50863-2013 by class; rainfall by the rainstorm signals).
        format: {kind: monitoring-thresholds, version: 1}
        persistence: 2
        ponds:

        """
        func values(_ base: Double, _ steps: [Double]) -> String {
            "{worse: higher, blue: \(formatNumber(base + steps[0])), yellow: \(formatNumber(base + steps[1])), orange: \(formatNumber(base + steps[2])), red: \(formatNumber(base + steps[3]))}"
        }
        for (index, pond) in ponds.enumerated() {
            text += "  - facility: \(pond.id)\n    valid: {from: \(validFrom), to: \(validTo)}\n    items:\n"
            let mine = points.indices.filter { points[$0].pond == index }
            let items = Set(mine.map { points[$0].item })
            for item in [MonitoredItem.damDisplacementH, .damDisplacementV] where items.contains(item) {
                text += "      \(item.rawValue): {method: tangent-angle, velocity: 1.0}\n"
            }
            var overrides: [String] = []
            for i in mine {
                let point = points[i]
                switch point.item {
                case .waterLevel: overrides.append("      \(point.id): \(values(bases[i], [0.5, 0.8, 1.1, 1.4]))")
                case .porePressure: overrides.append("      \(point.id): \(values(bases[i], [25, 40, 55, 70]))")
                case .seepageFlow: overrides.append("      \(point.id): \(values(bases[i], [1.5, 2.5, 3.5, 5]))")
                case .phreaticDepth where pointOverride.map { $0.pond == index && $0.item == point.item && point.ordinal == 1 } ?? false:
                    overrides.append("      \(point.id): {worse: lower, blue: 8.0, yellow: 7.2, orange: 6.6, red: 6.0}")
                default: continue
                }
            }
            if !overrides.isEmpty { text += "    points:\n" + overrides.joined(separator: "\n") + "\n" }
        }
        return text
    }
}
