import Foundation

public enum CaseloadSort: Int, CaseIterable, Hashable, Sendable {
    case name, status, specialist, daysInProgram, lastContact, nextDue

    public var title: String {
        switch self {
        case .name: "name"
        case .status: "status"
        case .specialist: "specialist"
        case .daysInProgram: "days in program"
        case .lastContact: "last contact"
        case .nextDue: "next due"
        }
    }
}

public enum StatusFilter: Hashable, Sendable {
    /// Clients counting toward the caseload.
    case active
    case all
    case only(ClientStatus)

    public var title: String {
        switch self {
        case .active: "active"
        case .all: "all statuses"
        case .only(let status): status.label.lowercased()
        }
    }

    public func admits(_ status: ClientStatus) -> Bool {
        switch self {
        case .active: status.isActive
        case .all: true
        case .only(let wanted): status == wanted
        }
    }

    public var next: StatusFilter {
        switch self {
        case .active: return .all
        case .all: return .only(ClientStatus.allCases[0])
        case .only(let status):
            let index = ClientStatus.allCases.firstIndex(of: status)! + 1
            return index < ClientStatus.allCases.count ? .only(ClientStatus.allCases[index]) : .active
        }
    }
}

/// Which clients a caseload list shows, and in which order.
public struct CaseloadQuery: Hashable, Sendable {
    public var sort: CaseloadSort = .name
    public var ascending = true
    /// nil: every specialist's clients.
    public var specialistFilter: UUID?
    public var statusFilter: StatusFilter = .active
    /// Words of a name (accents optional).
    public var text = ""

    public init(specialistFilter: UUID? = nil) {
        self.specialistFilter = specialistFilter
    }
}

/// A row of the caseload list: a client, or a file that could not be read.
public enum CaseloadRow: Hashable, Sendable {
    case client(Client)
    case unreadable(DataProblem)
}

/// Clients' names folded for search and sorting (case and accents dropped), built once per
/// data change: folding is the slow part of filtering a large caseload.
public struct FoldedNames: Sendable {
    /// The name alone, for sorting.
    public let names: [UUID: String]
    /// The name and the preferred name, for searching.
    public let searchable: [UUID: String]

    public init(clients: [Client]) {
        var names: [UUID: String] = [:], searchable: [UUID: String] = [:]
        for client in clients {
            let name = NameSearch.fold(client.name)
            names[client.id] = name
            searchable[client.id] = client.preferredName.map { name + " " + NameSearch.fold($0) } ?? name
        }
        self.names = names
        self.searchable = searchable
    }
}

extension CaseloadQuery {
    /// The rows shown for these filters, sorted. Unreadable client files come last, always,
    /// so a broken file is never silently missing from the list. Pass `folded` (built once per
    /// data change) so a search as you type folds only what was typed, and `due` (also built
    /// once per data change) to sort by the next due date; clients with nothing due come last.
    public func rows(in data: DataSnapshot, today: LocalDate, folded: FoldedNames? = nil, due: DueList? = nil) -> [CaseloadRow] {
        let words = NameSearch.fold(text).split(whereSeparator: \.isWhitespace)
        let candidates = data.clients.filter { client in
            (specialistFilter == nil || client.specialistID == specialistFilter) && statusFilter.admits(client.status)
        }
        let folded = folded ?? FoldedNames(clients: candidates)
        let clients = candidates.filter { client in
            words.isEmpty || words.allSatisfy { (folded.searchable[client.id] ?? NameSearch.fold(client.name)).contains($0) }
        }
        let specialistNames = Dictionary(data.specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let statusOrder = Dictionary(uniqueKeysWithValues: ClientStatus.allCases.enumerated().map { ($1, $0) })
        // Sort keys are worked out once per client, not once per comparison.
        struct Keyed {
            var client: Client
            var name: String
            var id: String
            var status: Int
            var specialist: String
            var lastContact: LocalDate
            var nextDue: LocalDate
        }
        let never = LocalDate(dayNumber: -1_000_000), nothingDue = LocalDate(dayNumber: 1_000_000)
        var keyed = clients.map { client in
            Keyed(client: client, name: folded.names[client.id] ?? NameSearch.fold(client.name), id: client.id.uuidString,
                  status: statusOrder[client.status] ?? 0,
                  specialist: client.specialistID.flatMap { specialistNames[$0] } ?? "~",
                  lastContact: client.lastContact?.date ?? never,
                  nextDue: due?.nextItem(forClient: client.id)?.dueOn ?? nothingDue)
        }
        keyed.sort { a, b in
            let ordered: Bool?
            switch sort {
            case .name: ordered = nil
            case .status: ordered = a.status == b.status ? nil : a.status < b.status
            case .specialist: ordered = a.specialist == b.specialist ? nil : a.specialist < b.specialist
            case .daysInProgram:
                let (x, y) = (a.client.programEntryDate, b.client.programEntryDate)
                ordered = x == y ? nil : x > y
            case .lastContact: ordered = a.lastContact == b.lastContact ? nil : a.lastContact < b.lastContact
            case .nextDue: ordered = a.nextDue == b.nextDue ? nil : a.nextDue < b.nextDue
            }
            let result = ordered ?? ((a.name, a.id) < (b.name, b.id))
            return ascending ? result : !result
        }
        let unreadable = text.isEmpty
            ? data.problems.filter { problem in
                // A client file with conflict markers is listed too: to merge by hand.
                problem.kind == .client
                    || (problem.pendingMerge?.source == .conflictMarkers && problem.path.hasPrefix(DataLayout.clients + "/"))
            }.map(CaseloadRow.unreadable)
            : []
        return keyed.map { CaseloadRow.client($0.client) } + unreadable
    }
}
