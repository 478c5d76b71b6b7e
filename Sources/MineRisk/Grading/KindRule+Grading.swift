extension KindRule {
    /// Fills the result fields the rule decides, from the facility's own fields, before its assessment is evaluated.
    func apply(to result: inout FacilityResult, facility: Facility, duty: MonitoringDuty) {
        switch self {
        case .pondClassAndSafetyDegree:
            guard let pond = facility.pond else { return }
            let pondClass = TailingsClassification.pondClass(storage: pond.storageVolume, damHeight: pond.damHeight)
            let required = duty.requires(pondClass: pondClass)
            result.tailingsClass = pondClass
            result.onlineMonitoring = pond.onlineMonitoring
            result.monitoringRequired = required
            result.safetyDegree = SafetyDegree.assess(pond, pondClass: pondClass)
            if required && !pond.onlineMonitoring {
                result.findings.append("class \(pondClass) pond without online monitoring, required for \(duty.text) (\(duty.source))")
            }
            if let degree = result.safetyDegree, degree == .sick {
                // AQ 2006-2005 §8 病库; the regulation's consequence: rectify to the normal standard within a set time.
                result.findings.append("safety degree \(degree.rawValue) \(degree.zh): rectify to the normal standard within a set time (AQ 2006-2005 §8; 《尾矿库安全监督管理规定》)")
            }
        }
    }
}

/// Tailings ponds by class and monitoring: what the summaries show of `KindRule.pondClassAndSafetyDegree`.
public struct PondSummary: Sendable, Equatable, Codable {
    public var ponds = 0
    /// class ("1"…"5") → count.
    public var byClass: [String: Int] = [:]
    public var monitoringRequired = 0
    public var monitored = 0
    /// Class 1–3 ponds without online monitoring.
    public var missingMonitoring = 0
    public var bySafetyDegree: [String: Int] = [:]

    /// Counts a result the rule classed; any other is left out.
    mutating func add(_ result: FacilityResult) {
        guard let pondClass = result.tailingsClass else { return }
        ponds += 1
        byClass[String(pondClass), default: 0] += 1
        if result.monitoringRequired == true {
            monitoringRequired += 1
            if result.onlineMonitoring == false { missingMonitoring += 1 }
        }
        if result.onlineMonitoring == true { monitored += 1 }
        if let degree = result.safetyDegree { bySafetyDegree[degree.rawValue, default: 0] += 1 }
    }
}
