import Foundation

public enum CaseloadSort: Int, CaseIterable, Hashable, Sendable {
    case name, status, specialist, daysInProgram, lastContact

    public var title: String {
        switch self {
        case .name: "name"
        case .status: "status"
        case .specialist: "specialist"
        case .daysInProgram: "days in program"
        case .lastContact: "last contact"
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

extension CaseloadQuery {
    /// The rows shown for these filters, sorted. Unreadable client files come last, always,
    /// so a broken file is never silently missing from the list.
    public func rows(in data: DataSnapshot, today: LocalDate) -> [CaseloadRow] {
        var clients = data.clients.filter { client in
            (specialistFilter == nil || client.specialistID == specialistFilter)
                && statusFilter.admits(client.status)
                && NameSearch.matches(text, in: [client.name, client.preferredName ?? ""])
        }
        let names = Dictionary(uniqueKeysWithValues: data.specialists.map { ($0.id, $0.name) })
        let folded = Dictionary(clients.map { ($0.id, NameSearch.fold($0.name)) }, uniquingKeysWith: { a, _ in a })
        func byName(_ a: Client, _ b: Client) -> Bool { (folded[a.id] ?? "", a.id.uuidString) < (folded[b.id] ?? "", b.id.uuidString) }
        clients.sort { a, b in
            let ordered: Bool?
            switch sort {
            case .name: ordered = nil
            case .status:
                let (x, y) = (ClientStatus.allCases.firstIndex(of: a.status)!, ClientStatus.allCases.firstIndex(of: b.status)!)
                ordered = x == y ? nil : x < y
            case .specialist:
                let (x, y) = (a.specialistID.flatMap { names[$0] } ?? "~", b.specialistID.flatMap { names[$0] } ?? "~")
                ordered = x == y ? nil : x < y
            case .daysInProgram:
                ordered = a.programEntryDate == b.programEntryDate ? nil : a.programEntryDate > b.programEntryDate
            case .lastContact:
                let (x, y) = (a.lastContact?.date, b.lastContact?.date)
                ordered = x == y ? nil : (x ?? LocalDate(dayNumber: -1_000_000)) < (y ?? LocalDate(dayNumber: -1_000_000))
            }
            let result = ordered ?? byName(a, b)
            return ascending ? result : !result
        }
        let unreadable = text.isEmpty
            ? data.problems.filter { $0.kind == .client }.map(CaseloadRow.unreadable)
            : []
        return clients.map(CaseloadRow.client) + unreadable
    }
}
