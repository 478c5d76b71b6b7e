import Foundation

/// A PostgreSQL server's database as `--db` or `MINERISK_DB` names it: `postgres://user[:password]@host[:port]/dbname`.
///
/// The URL form is libpq's (PostgreSQL 15 documentation §34.1.1, "Connection URIs"); a password left out of the URL is
/// read from `PGPASSWORD`, as libpq does (§34.15), so that it need not appear on a command line. `sslmode` is the
/// only parameter taken: `disable` (the default here, for a server on loopback) or `require`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var requireTLS: Bool

    /// Whether a `--db` value names a PostgreSQL server rather than a SQLite file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Parses a URL; anything it cannot take is a usage error that shows the form expected.
    public init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let form = "expected postgres://user[:password]@host[:port]/dbname"
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw MineRiskError.usage("--db \(Self.redacted(url)): not a PostgreSQL URL; \(form)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw MineRiskError.usage("--db \(Self.redacted(url)): no user name; \(form)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw MineRiskError.usage("--db \(Self.redacted(url)): no host; \(form)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw MineRiskError.usage("--db \(Self.redacted(url)): no database name after the host; \(form)")
        }
        var requireTLS = false
        for item in components.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("sslmode", "disable"?): requireTLS = false
            case ("sslmode", "require"?): requireTLS = true
            default:
                throw MineRiskError.usage("--db \(Self.redacted(url)): parameter \(item.name)=\(item.value ?? "") is not taken; only sslmode=disable or sslmode=require")
            }
        }
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        self.host = host
        self.port = components.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
        self.requireTLS = requireTLS
    }

    /// The URL without its password: what every message about the store shows.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)\(requireTLS ? "?sslmode=require" : "")"
    }

    /// A URL as given, with any password replaced, for messages about a URL that could not be parsed.
    static func redacted(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let schemeEnd = url.range(of: "://")?.upperBound,
              let colon = url[schemeEnd..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}
