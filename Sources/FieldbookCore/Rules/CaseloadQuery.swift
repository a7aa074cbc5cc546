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
    /// Words to search for (accents optional) in a client's name, preferred name, phone, email,
    /// and the employers and titles of their jobs.
    public var text = ""
    /// A search looks through every specialist's clients, closed ones too, whatever the filters.
    public var searchesEveryone = false

    public init(specialistFilter: UUID? = nil) {
        self.specialistFilter = specialistFilter
    }
}

/// A row of the caseload list: a client, or a file that could not be read.
public enum CaseloadRow: Hashable, Sendable {
    case client(Client)
    case unreadable(DataProblem)
}
