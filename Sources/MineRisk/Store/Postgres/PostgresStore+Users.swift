import Foundation

extension PostgresStore: UserStore {
    /// Creates a login role in the group role of `role` (`PostgresSchema.countyAccess`) and records its counties.
    /// Needs a user who may create roles (the database's owner or a superuser).
    public func addUser(_ name: String, role: StoreRole, counties: [String], password: String?) throws {
        try Self.checkUserName(name)
        switch role {
        case .county where counties.isEmpty:
            throw MineRiskError.usage("a county user needs at least one --county: the counties it may write")
        case .bureau where !counties.isEmpty:
            throw MineRiskError.usage("a bureau user writes every county; leave out --county")
        default:
            break
        }
        try write {
            if try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", [name]) == true {
                throw MineRiskError.cannotCreate("\(location): user \(name) exists already; remove it first to change its role")
            }
            // CREATE ROLE takes no parameters; the name is checked above and the password quoted as a literal
            // (standard_conforming_strings is on: a quote is doubled, a backslash is itself).
            let secret = password.map { " PASSWORD '\($0.replacingOccurrences(of: "'", with: "''"))'" } ?? ""
            try session.script("CREATE ROLE \"\(name)\" LOGIN\(secret) IN ROLE minerisk_\(role.rawValue)")
            for county in counties {
                try session.execute("INSERT INTO user_counties (username, county) VALUES ($1, $2)", [name, county])
            }
        }
    }

    /// The members of the two group roles, with the counties of each county user.
    public func users() throws -> [StoreUser] {
        try read {
            let counties = Dictionary(grouping: try session.rows("SELECT username, county FROM user_counties ORDER BY username, county")
                .map { (try $0["username"] as String, try $0["county"] as String) }, by: \.0).mapValues { $0.map(\.1) }
            return try session.rows("""
                SELECT m.rolname AS name, g.rolname AS grp FROM pg_auth_members a
                JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
                WHERE g.rolname IN ('minerisk_county', 'minerisk_bureau') ORDER BY m.rolname
                """).map { row in
                let name: String = try row["name"], group: String = try row["grp"]
                let role: StoreRole = group == "minerisk_bureau" ? .bureau : .county
                return StoreUser(name: name, role: role, counties: role == .county ? counties[name] ?? [] : [])
            }
        }
    }

    /// Drops a user's login role and its counties.
    public func removeUser(_ name: String) throws {
        try Self.checkUserName(name)
        try write {
            guard try session.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
                               WHERE m.rolname = $1 AND g.rolname IN ('minerisk_county', 'minerisk_bureau'))
                """, [name]) == true else {
                throw MineRiskError.missingInput("\(location): \(name) is not a minerisk user; list them with minerisk db users list")
            }
            try session.execute("DELETE FROM user_counties WHERE username = $1", [name])
            try session.script("DROP ROLE \"\(name)\"")
        }
    }

    /// A user name as a role name may be without quoting: lower-case letters, digits and _, up to 63 bytes
    /// (PostgreSQL 15 documentation §4.1.1, identifiers; NAMEDATALEN − 1).
    static func checkUserName(_ name: String) throws {
        let bytes = Array(name.utf8)
        let ok = !bytes.isEmpty && bytes.count <= 63 && !(0x30...0x39).contains(bytes[0])
            && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
            && !name.hasPrefix("pg_") && !name.hasPrefix("minerisk_")
        guard ok else {
            throw MineRiskError.usage("user name \"\(name)\": expected lower-case letters, digits and _ (not starting with a digit, pg_ or minerisk_), at most 63 characters")
        }
    }
}
