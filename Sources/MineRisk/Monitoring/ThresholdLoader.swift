import Foundation
import Yams

/// Reads monitoring/thresholds.yaml (`format: {kind: monitoring-thresholds, version: 1}`), refusing unknown
/// keys, values of the wrong type and threshold sets that contradict themselves, with their YAML path.
public enum ThresholdLoader {
    static let fixedKeys = ["worse", "blue", "yellow", "orange", "red", "source"]
    static let angleKeys = ["method", "velocity", "smoothingHours", "lagHours", "referenceDays", "minimumVelocity", "angles", "source"]

    /// Reads the file; `points` (point id → item, from points.csv) lets a point's rule take its item's
    /// direction and refuses a point that does not exist.
    public static func load(path: String, displayName: String? = nil, points: [String: MonitoredItem]? = nil) throws -> ThresholdSet {
        let name = displayName ?? path
        let text = try TextFile(path: path, displayName: name)
        return try parse(String(decoding: text.bytes[text.contentStart...], as: UTF8.self), file: name, points: points)
    }

    public static func parse(_ yaml: String, file: String, points: [String: MonitoredItem]? = nil) throws -> ThresholdSet {
        let root: Node
        do {
            // The basic resolver: every scalar stays text until the reader asks for a number. The default one matches
            // each scalar against regular expressions, which took most of the time of a national file (64,000 points).
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw MineRiskError.invalid(SourceLocation(file: file, line: 1), "the file is empty: expected format, persistence and ponds")
            }
            root = node
        } catch let error as YamlError {
            throw MineRiskError.invalid(SourceLocation(file: file), "not valid YAML: \(error)")
        }
        let reader = YAMLNodeReader(file: file)
        var set = ThresholdSet(file: file)
        var sawFormat = false
        for (key, _, value) in try reader.mapping(root, "", known: ["format", "persistence", "ponds"]) {
            switch key {
            case "format":
                try checkFormat(value, reader)
                sawFormat = true
            case "persistence":
                let count = try reader.integer(value, "persistence")
                guard count >= 1, count <= 16 else { throw reader.fail(value, "persistence", "expected at least 1 reading and at most 16, found \(count)") }
                set.persistence = count
            default:
                for (index, pond) in try reader.sequence(value, "ponds").enumerated() {
                    set.ponds.append(try parsePond(pond, "ponds[\(index)]", reader, points: points))
                }
            }
        }
        guard sawFormat else { throw reader.fail(root, "format", "missing key: expected format: {kind: monitoring-thresholds, version: 1}") }
        return set
    }

    private static func checkFormat(_ node: Node, _ reader: YAMLNodeReader) throws {
        for (key, _, value) in try reader.mapping(node, "format", known: ["kind", "version"]) {
            if key == "kind", try reader.text(value, "format.kind") != "monitoring-thresholds" {
                throw reader.fail(value, "format.kind", "expected monitoring-thresholds, found \"\(try reader.text(value, "format.kind"))\"")
            }
            if key == "version", try reader.integer(value, "format.version") != 1 {
                throw reader.fail(value, "format.version", "expected version 1, found \(try reader.text(value, "format.version"))")
            }
        }
    }

    private static func parsePond(_ node: Node, _ path: String, _ reader: YAMLNodeReader, points: [String: MonitoredItem]?) throws -> PondThresholds {
        var pond = PondThresholds(facilityID: "", validFrom: "0000-01-01", validTo: "9999-12-31", damType: nil, items: [:], points: [:])
        var pointNodes: [(String, Node, Node, String)] = []
        for (key, _, value) in try reader.mapping(node, path, known: ["facility", "valid", "dam", "items", "points"]) {
            let here = join(path, key)
            switch key {
            case "facility": pond.facilityID = try reader.text(value, here)
            case "valid":
                for (bound, _, day) in try reader.mapping(value, here, known: ["from", "to"]) {
                    if bound == "from" { pond.validFrom = try reader.day(day, join(here, bound)) } else { pond.validTo = try reader.day(day, join(here, bound)) }
                }
                if pond.validFrom > pond.validTo { throw reader.fail(value, here, "valid.from \(pond.validFrom) is after valid.to \(pond.validTo)") }
            case "dam":
                let text = try reader.text(value, here)
                guard let type = DamType(rawValue: text) else {
                    throw reader.fail(value, here, "expected \(DamType.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text)\"")
                }
                pond.damType = type
            case "items":
                for (itemName, keyNode, spec) in try reader.mapping(value, here) {
                    guard let item = MonitoredItem(rawValue: itemName) else {
                        throw reader.fail(keyNode, join(here, itemName), "unknown item \"\(itemName)\": expected one of \(MonitoredItem.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    pond.items[item] = try parseRule(spec, join(here, itemName), item: item, reader)
                }
            default:
                for (pointID, keyNode, spec) in try reader.mapping(value, here) { pointNodes.append((pointID, keyNode, spec, join(here, pointID))) }
            }
        }
        guard !pond.facilityID.isEmpty else { throw reader.fail(node, join(path, "facility"), "missing key: expected the pond's facility id") }
        for (pointID, keyNode, spec, here) in pointNodes {
            var item: MonitoredItem?
            if let points {
                guard let known = points[pointID] else { throw reader.fail(keyNode, here, "unknown point \"\(pointID)\": not in points.csv") }
                item = known
            }
            pond.points[pointID] = try parseRule(spec, here, item: item, reader)
        }
        return pond
    }

    /// One item's or point's thresholds: values per level, `signals: rainstorm`, or `method: tangent-angle`.
    static func parseRule(_ node: Node, _ path: String, item: MonitoredItem?, _ reader: YAMLNodeReader) throws -> ThresholdRule {
        let source = "\(reader.file): \(path)"
        let pairs = try reader.mapping(node, path)
        let keys = pairs.map(\.key)
        if keys.contains("signals") {
            let pairs = try reader.mapping(node, path, known: ["signals", "source"])
            let value = pairs.first { $0.key == "signals" }!.value
            guard try reader.text(value, join(path, "signals")) == "rainstorm" else {
                throw reader.fail(value, join(path, "signals"), "expected rainstorm, found \"\(try reader.text(value, join(path, "signals")))\"")
            }
            return ThresholdRule(.rainstorm(.cma2007), source: "\(source) (rainstorm signals, CMA Order 16, 2007 [order unverified])")
        }
        if keys.contains("method") {
            return ThresholdRule(.tangentAngle(try parseTangentAngle(node, path, reader)), source: source)
        }
        var values = FixedThresholds(worse: item.map(ThresholdDefaults.worse) ?? .higher)
        for (key, _, value) in try reader.mapping(node, path, known: fixedKeys) {
            let here = join(path, key)
            switch key {
            case "worse":
                let text = try reader.text(value, here)
                guard let worse = WorseDirection(rawValue: text) else { throw reader.fail(value, here, "expected higher or lower, found \"\(text)\"") }
                values.worse = worse
            case "source": continue
            default: values.set(WarningLevel(name: key)!, try reader.number(value, here))
            }
        }
        guard !values.isEmpty else { throw reader.fail(node, path, "no level has a value: expected at least one of blue, yellow, orange, red") }
        if let (lower, higher) = values.contradiction() {
            let direction = values.worse == .higher ? "at least" : "at most"
            throw reader.fail(node, join(path, higher.name),
                "\(higher) \(formatNumber(values.value(of: higher)!)) is looser than \(lower) \(formatNumber(values.value(of: lower)!)): with worse: \(values.worse.rawValue), \(higher) must be \(direction) \(lower)")
        }
        if let item { values = ThresholdDefaults.derive(values, item: item) }
        return ThresholdRule(.fixed(values), source: source)
    }

    private static func parseTangentAngle(_ node: Node, _ path: String, _ reader: YAMLNodeReader) throws -> TangentAngleSettings {
        var settings = TangentAngleSettings()
        for (key, _, value) in try reader.mapping(node, path, known: angleKeys) {
            let here = join(path, key)
            func positive() throws -> Double {
                let number = try reader.number(value, here)
                guard number > 0 else { throw reader.fail(value, here, "expected a positive number, found \(formatNumber(number))") }
                return number
            }
            switch key {
            case "method":
                let text = try reader.text(value, here)
                guard text == "tangent-angle" else { throw reader.fail(value, here, "expected tangent-angle, found \"\(text)\"") }
            case "velocity": settings.velocity = try positive()
            case "smoothingHours": settings.smoothingHours = try positive()
            case "lagHours": settings.lagHours = try positive()
            case "referenceDays": settings.referenceDays = try positive()
            case "minimumVelocity": settings.minimumVelocity = try positive()
            case "angles":
                var angles = FixedThresholds(worse: .higher)
                for (level, _, angle) in try reader.mapping(value, here, known: ["blue", "yellow", "orange", "red"]) {
                    let degrees = try reader.number(angle, join(here, level))
                    guard degrees > 0, degrees < 90 else { throw reader.fail(angle, join(here, level), "expected an angle between 0 and 90 degrees, found \(formatNumber(degrees))") }
                    angles.set(WarningLevel(name: level)!, degrees)
                }
                if let (lower, higher) = angles.contradiction() {
                    throw reader.fail(value, join(here, higher.name), "\(higher) \(formatNumber(angles.value(of: higher)!))° is below \(lower) \(formatNumber(angles.value(of: lower)!))°")
                }
                settings.angles = angles
            default: continue
            }
        }
        return settings
    }
}
