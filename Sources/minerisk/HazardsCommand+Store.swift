import ArgumentParser
import Foundation
import MineRisk

/// The stored round whose register a change goes to, and who makes it.
struct HazardStoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The store: a SQLite file or a postgres:// URL (default \(StoreFactory.defaultHelp)).")
    var location: String?

    var db: String { location ?? StoreFactory.defaultLocation }

    @Option(name: .long, help: "The stored round whose register to change.")
    var round: String

    @Option(name: .long, help: "Who makes the change, for the action log (default: $USER).")
    var by: String?

    @Option(name: .long, help: "The version of the finding the change was made on (from `hazards list --db`); a newer one is a conflict.")
    var expectVersion: Int?

    var change: HazardChange {
        HazardChange(actor: by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown", expectedVersion: expectVersion)
    }

    func withStore<T>(_ body: (any HazardRegisterStore) throws -> T) throws -> T {
        let store = try StoreFactory.open(db, access: .write).hazardRegister()
        defer { try? store.close() }
        return try body(store)
    }
}

func describe(_ h: HazardFinding) -> String {
    "\(h.id) \(h.facilityID) \(h.code) \(h.level.rawValue) \(h.status.rawValue)" +
        (h.acceptedOn.isEmpty ? "" : ", accepted \(h.acceptedOn) by \(h.acceptedBy)") + (h.reopened > 0 ? ", reopened \(h.reopened)×" : "")
}

struct HazardsCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close (销号) a finding after acceptance: needs --accepted-by and --accepted-on.")
    @Argument(help: "The finding's id.") var id: String
    @Option(name: .long, help: "The person who accepted the rectification.") var acceptedBy: String
    @Option(name: .long, help: "The day of acceptance (YYYY-MM-DD).") var acceptedOn: String
    @OptionGroup var store: HazardStoreOptions

    func run() throws {
        try runReporting {
            let h = try store.withStore { try $0.closeHazard(id, round: store.round, acceptedBy: acceptedBy, acceptedOn: acceptedOn, change: store.change) }
            print("Closed \(describe(h))")
        }
    }
}

struct HazardsReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed finding; reopenings are counted.")
    @Argument(help: "The finding's id.") var id: String
    @Option(name: .long, help: "Why it is reopened, for the log.") var reason: String = ""
    @OptionGroup var store: HazardStoreOptions

    func run() throws {
        try runReporting {
            let h = try store.withStore { try $0.reopenHazard(id, round: store.round, reason: reason, change: store.change) }
            print("Reopened \(describe(h))")
        }
    }
}

struct HazardsUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a finding's deadline, 五落实 fields or status (open|rectifying); closing is `close`.")
    @Argument(help: "The finding's id.") var id: String
    @Option(name: .long) var deadline: String?
    @Option(name: .long) var responsible: String?
    @Option(name: .long) var measures: String?
    @Option(name: .long) var funds: String?
    @Option(name: .long) var plan: String?
    @Option(name: .long, help: "open or rectifying.") var status: String?
    @OptionGroup var store: HazardStoreOptions

    func run() throws {
        try runReporting {
            if let deadline, !isISODate(deadline) { throw MineRiskError.usage("--deadline: expected a date YYYY-MM-DD, found \"\(deadline)\"") }
            let newStatus = try status.map { text -> HazardStatus in
                guard let s = HazardStatus(rawValue: text), s != .closed else {
                    throw MineRiskError.usage("--status: expected open or rectifying (closing is `hazards close`), found \"\(text)\"")
                }
                return s
            }
            let h = try store.withStore { s in
                try s.updateHazard(id, round: store.round, action: "update", change: store.change) { h in
                    guard h.status.isOpen else { throw MineRiskError.usage("hazard \(id) is closed; reopen it first") }
                    var changed: [String] = []
                    if let deadline { h.deadline = deadline; changed.append("deadline \(deadline)") }
                    if let responsible { h.responsible = responsible; changed.append("responsible \(responsible)") }
                    if let measures { h.measures = measures; changed.append("measures") }
                    if let funds { h.funds = funds; changed.append("funds \(funds)") }
                    if let plan { h.plan = plan; changed.append("plan") }
                    if let newStatus { h.status = newStatus; changed.append("status \(newStatus.rawValue)") }
                    guard !changed.isEmpty else { throw MineRiskError.usage("nothing to change: pass --deadline, --responsible, --measures, --funds, --plan or --status") }
                    return changed.joined(separator: ", ")
                }
            }
            print("Updated \(describe(h))")
        }
    }
}

struct HazardsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a finding to a stored round's register.")
    @Option(name: .long) var id: String
    @Option(name: .long) var facility: String
    @Option(name: .long, help: "A code of Lists/ (its level comes from the list).") var code: String
    @Option(name: .long) var description: String
    @Option(name: .long) var foundOn: String
    @Option(name: .long) var foundBy: String = ""
    @Option(name: .long) var inspection: String = ""
    @Option(name: .long) var deadline: String = ""
    @Option(name: .long) var responsible: String = ""
    @Option(name: .long) var measures: String = ""
    @Option(name: .long) var funds: String = ""
    @Option(name: .long) var plan: String = ""
    @Option(name: .long, help: "Folder of hidden-danger lists.") var lists: String = "Lists"
    @OptionGroup var modelFolder: ModelsOption<GradingWording>
    @OptionGroup var store: HazardStoreOptions

    func run() throws {
        try runReporting {
            for (name, value) in [("--found-on", foundOn), ("--deadline", deadline)] where !value.isEmpty || name == "--found-on" {
                guard isISODate(value) else { throw MineRiskError.usage("\(name): expected a date YYYY-MM-DD, found \"\(value)\"") }
            }
            let catalog = try HazardCatalog.load(directory: lists)
            let data = try store.withStore { try $0.dataset(round: store.round, models: try modelFolder.load()) }
            guard let kind = data.facilities.first(where: { $0.id == facility })?.kind else {
                throw MineRiskError.usage("--facility \(facility) is not in round \(store.round)")
            }
            guard let (item, _) = catalog.item(code, kind: kind) else {
                let guess = catalog.nearest(to: code, kind: kind).map { " (nearest: \($0))" } ?? ""
                throw MineRiskError.usage("--code \(code) is on no list of the \(kind.rawValue) hidden dangers in \(lists)\(guess)")
            }
            var h = HazardFinding(facilityID: facility, code: code, description: description, foundOn: foundOn)
            h.id = id
            h.level = item.level
            h.veto = item.veto
            h.foundBy = foundBy
            h.inspection = inspection
            h.deadline = deadline
            h.responsible = responsible
            h.measures = measures
            h.funds = funds
            h.plan = plan
            try store.withStore { try $0.addHazard(h, round: store.round, change: store.change) }
            print("Added \(describe(h))")
        }
    }
}
