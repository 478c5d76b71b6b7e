/// A major accident hazard whose presence grades a facility major (一票否决).
public struct VetoRule: Codable, Sendable, Hashable {
    public var code: String
    public var text: BilingualName
    public var source: String
}
