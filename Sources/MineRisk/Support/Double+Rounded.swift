extension Double {
    /// Rounded to a number of decimal places, for messages and tables.
    public func rounded(to places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
