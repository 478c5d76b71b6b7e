/// A tailings pond's class (等别) and what follows from it.
public enum TailingsClassification {
    /// The class by total storage V (10⁴ m³), AQ 2006-2005 Table 1. Class 1 is a class-2 pond that meets the
    /// conditions for raising its class, which the data cannot tell, so the best computed here is 2.
    public static func classByStorage(_ v: Double) -> Int {
        if v >= 10000 { return 2 }  // AQ 2006-2005 Table 1: V ≥ 10000 → class 2
        if v >= 1000 { return 3 }   // 1000 ≤ V < 10000 → class 3
        if v >= 100 { return 4 }    // 100 ≤ V < 1000 → class 4
        return 5                    // V < 100 → class 5
    }

    /// The class by dam height H (m), AQ 2006-2005 Table 1.
    public static func classByHeight(_ h: Double) -> Int {
        if h >= 100 { return 2 }    // AQ 2006-2005 Table 1: H ≥ 100 → class 2
        if h >= 60 { return 3 }     // 60 ≤ H < 100 → class 3
        if h >= 30 { return 4 }     // 30 ≤ H < 60 → class 4
        return 5                    // H < 30 → class 5
    }

    /// The pond's class from both criteria.
    public static func pondClass(storage v: Double, damHeight h: Double) -> Int {
        let byStorage = classByStorage(v), byHeight = classByHeight(h)
        let higher = min(byStorage, byHeight), lower = max(byStorage, byHeight)
        // GB 50863-2013 §3.3.1: classes one apart take the higher class (the smaller number);
        if lower - higher <= 1 { return higher }
        // classes two or more apart take the higher class, lowered by one.
        return higher + 1
    }
}
