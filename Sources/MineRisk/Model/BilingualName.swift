/// A name in Chinese and English.
public struct BilingualName: Codable, Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}
