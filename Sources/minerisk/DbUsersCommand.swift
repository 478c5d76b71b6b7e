import ArgumentParser
import Foundation
import MineRisk

struct DbUsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the users of a PostgreSQL store: county users write their counties, bureau users everything.",
        discussion: """
        The server enforces it, with roles and row-level security: a county user reads every round but may \
        write only the facilities, assessments, hazards and coal mines of its counties; a bureau user reads and \
        writes everything. Run these as the database's owner (who may create roles).
        """,
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user who may log in.")

        @Argument(help: "The user's login name (lower-case letters, digits and _).")
        var name: String

        @Option(name: .long, help: "county or bureau.")
        var role: StoreRole

        @Option(name: .long, help: "A county the user may write (repeat for several); county users only.")
        var county: [String] = []

        @Option(name: .long, help: "The environment variable that holds the user's password (no password: the server's other ways of logging in).")
        var passwordEnv: String?

        @OptionGroup var store: StoreOption

        func run() throws {
            try runReporting {
                var password: String?
                if let passwordEnv {
                    guard let value = ProcessInfo.processInfo.environment[passwordEnv], !value.isEmpty else {
                        throw MineRiskError.usage("--password-env \(passwordEnv): that variable is not set or empty")
                    }
                    password = value
                }
                let store = try StoreFactory.open(self.store.db, access: .write)
                defer { try? store.close() }
                try store.userStore().addUser(name, role: role, counties: county, password: password)
                print("added \(role.rawValue) user \(name)\(county.isEmpty ? "" : " for \(county.joined(separator: ", "))") to \(store.location)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users, their roles and counties.")

        @OptionGroup var store: StoreOption
        @OptionGroup var output: PrintedFormatOption<UserList>

        func run() throws {
            try runReporting {
                let store = try StoreFactory.open(self.store.db, access: .read)
                defer { try? store.close() }
                try output.write(UserList(try store.userStore().users()))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user; what it wrote stays.")

        @Argument(help: "The user's login name.")
        var name: String

        @OptionGroup var store: StoreOption

        func run() throws {
            try runReporting {
                let store = try StoreFactory.open(self.store.db, access: .write)
                defer { try? store.close() }
                try store.userStore().removeUser(name)
                print("removed user \(name) from \(store.location)")
            }
        }
    }
}

extension StoreRole: ExpressibleByArgument {}
