/// How a tailings dam is raised, which sets GB 50863's minimum dry-beach length.
public enum DamType: String, Sendable, Hashable, CaseIterable, Codable {
    case upstream
    case downstream
    case centerline
}
