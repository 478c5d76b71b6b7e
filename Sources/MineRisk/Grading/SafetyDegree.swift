/// A pond's safety degree (AQ 2006-2005 §8), from best to worst.
public enum SafetyDegree: String, Codable, Sendable, Comparable, CaseIterable {
    case normal      // 正常库
    case sick        // 病库
    case risky       // 险库
    case dangerous   // 危库

    public var zh: String {
        switch self {
        case .normal: return "正常库"
        case .sick: return "病库"
        case .risky: return "险库"
        case .dangerous: return "危库"
        }
    }

    /// 危库 and 险库 grade the pond major whatever its score: 《尾矿库安全监督管理规定》 requires a 危库 to stop at
    /// once and a 险库 to remove the danger within a set time (SAWS Order 6, 2006, art. 19 [verified through a copy];
    /// Order 38, 2011, the same article [number unverified]), and 险库 conditions are themselves on the major-hazard
    /// lists (DOMAIN §5). A 病库 is a finding to rectify to the normal standard within a set time (same article (三)).
    public var gradesMajor: Bool { self >= .risky }

    public static func < (a: SafetyDegree, b: SafetyDegree) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Required minimum dam-slope safety factor (Swedish circle, normal operation) by pond class:
    /// 1 → 1.30, 2 → 1.25, 3 → 1.20, 4–5 → 1.15 [unverified: DOMAIN §5; override with required_safety_factor].
    public static func defaultRequiredSafetyFactor(pondClass: Int) -> Double {
        switch pondClass {
        case 1: return 1.30
        case 2: return 1.25
        case 3: return 1.20
        default: return 1.15
        }
    }

    /// The worst degree any one condition meets; nil when the data has none of its inputs.
    public static func assess(_ pond: PondData, pondClass: Int) -> SafetyDegree? {
        var worst: SafetyDegree?
        func meet(_ degree: SafetyDegree) { worst = max(worst ?? .normal, degree) }
        var anyInput = false
        if let factor = pond.slopeSafetyFactor {
            anyInput = true
            let required = pond.requiredSafetyFactor ?? defaultRequiredSafetyFactor(pondClass: pondClass)
            if factor < 0.95 * required { meet(.dangerous) }    // AQ 2006-2005 §8: below 0.95 × required → 危库
            else if factor < 0.98 * required { meet(.risky) }  // below 0.98 × required → 险库
            else if factor < required { meet(.sick) }          // below the required value → 病库 [unverified]
            else { meet(.normal) }
        }
        if let freeboard = pond.freeboardOK, let beach = pond.beachLengthOK {
            anyInput = true
            if !freeboard && !beach { meet(.risky) }           // AQ 2006-2005 §8: both unmet at design flood → 险库
            else if !freeboard || !beach { meet(.sick) }       // one unmet → 病库 [unverified]
            else { meet(.normal) }
        }
        if let flood = pond.floodDischarge {
            anyInput = true
            switch flood {
            case .collapsed, .seriouslyBlocked: meet(.dangerous) // AQ 2006-2005 §8: seriously blocked or collapsed → 危库
            case .partlyBlocked: meet(.risky)                    // AQ 2006-2005 §8: partly blocked or collapsed, capacity below design → 险库
            case .normal: meet(.normal)
            }
        }
        return anyInput ? worst : nil
    }
}
