/// Which ponds must have online safety monitoring, by the rule in force on a date.
public enum MonitoringDuty {
    /// The day GB 39496-2020 came into force: from then on every pond needs online monitoring.
    public static let gb39496InForce = "2021-09-01"

    /// True when a pond of this class must have online monitoring on `date` (ISO yyyy-mm-dd or a longer
    /// ISO 8601 time, compared by its date).
    public static func onlineMonitoringRequired(pondClass: Int, on date: String) -> Bool {
        let day = String(date.prefix(10))
        // GB 39496-2020 §5.5.1 (in force 2021-09-01): every tailings pond has manual and online monitoring.
        if day >= gb39496InForce { return true }
        // Before: SAWS Order 38 (2011) and GB 51108-2015 — classes 1–3 (三等以上) [article number unverified].
        return pondClass <= 3
    }
}
