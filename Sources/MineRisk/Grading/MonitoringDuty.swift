/// Which tailings ponds must have online safety monitoring, by the rule in force on a day (DOMAIN §5).
public struct MonitoringDuty: Sendable, Equatable {
    /// Ponds of this class and above (a smaller number) must be monitored online; 5 means every pond.
    public let lowestClass: Int
    public let text: String
    public let source: String

    /// GB 39496-2020 is in force from this day.
    public static let gb39496InForce = "2021-09-01"

    /// The duty on a day (YYYY-MM-DD).
    public static func inForce(on date: String) -> MonitoringDuty {
        if date >= gb39496InForce {
            // GB 39496-2020 §5.5.1 (in force 2021-09-01): every pond has manual and online safety monitoring.
            return MonitoringDuty(lowestClass: 5, text: "every pond (GB 39496-2020)",
                                  source: "GB 39496-2020 《尾矿库安全规程》 §5.5.1, in force 2021-09-01")
        }
        // 2011 regime: ponds of class 3 and above (三等以上) have online monitoring; the engine applies it to
        // earlier rounds too (SAWS Order 38, 2011, amended by Order 78, 2015 [article unverified]; GB 51108-2015).
        return MonitoringDuty(lowestClass: 3, text: "classes 1–3 (2011 regime)",
                              source: "《尾矿库安全监督管理规定》(国家安全监管总局令第38号, 2011; 第78号修正, 2015) [article unverified]; GB 51108-2015 《尾矿库在线安全监测系统工程技术规范》")
    }

    /// Whether a pond of a class must be monitored online.
    public func requires(pondClass: Int) -> Bool { pondClass <= lowestClass }

    /// Whether a pond of a class must be monitored online on a day (YYYY-MM-DD, or an ISO 8601 time compared by its date).
    public static func onlineMonitoringRequired(pondClass: Int, on date: String) -> Bool {
        inForce(on: String(date.prefix(10))).requires(pondClass: pondClass)
    }
}
