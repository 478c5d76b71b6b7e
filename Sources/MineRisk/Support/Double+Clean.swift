extension Double {
    /// A number without a trailing ".0" when it is whole.
    public var clean: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
