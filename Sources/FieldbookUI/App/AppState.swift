import FieldbookCore
import Foundation

public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case today, caseload, employers, reports

    public var title: String {
        switch self {
        case .today: "Today"
        case .caseload: "Caseload"
        case .employers: "Employers"
        case .reports: "Reports"
        }
    }
}

/// A page shown over the tabs; Esc goes back one page.
public enum Page: Hashable, Sendable {
    case client(ClientPage)
    case form(FormState)
    case help(top: Int)
}

public struct ClientPage: Hashable, Sendable {
    public var clientID: UUID
    public var top: Int = 0
    public init(clientID: UUID) { self.clientID = clientID }
}

/// A position in a list: the selected row and the first row shown.
public struct ListPosition: Hashable, Sendable {
    public var selected = 0
    public var top = 0

    mutating func move(to row: Int, count: Int, visible: Int) {
        selected = max(0, min(row, count - 1))
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }
}

public struct Message: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// Everything the screen shows. `update` changes it; `view` draws it; neither does I/O.
public struct AppState: Sendable {
    public var data: DataSnapshot
    public var today: LocalDate
    /// The specialist using Fieldbook, if known: their caseload is shown first.
    public var userSpecialistID: UUID?
    public var size: Size
    public var tab: Tab = .caseload
    public var pages: [Page] = []
    public var caseload: CaseloadState
    public var employers = ListPosition()
    public var message: Message?
    public var isBlanked = false
    /// The time of the latest tick.
    public var now = Date(timeIntervalSince1970: 0)
    public var lastInput = Date(timeIntervalSince1970: 0)
    public var isQuitting = false

    public init(data: DataSnapshot, today: LocalDate, userSpecialistID: UUID? = nil, size: Size = Size(rows: 24, columns: 80)) {
        self.data = data
        self.today = today
        self.userSpecialistID = userSpecialistID
        self.size = size
        caseload = CaseloadState(specialistFilter: userSpecialistID)
        if !data.problems.isEmpty {
            let count = data.problems.count
            message = Message("\(count) file\(count == 1 ? "" : "s") could not be read; shown as unreadable. Run `fieldbook check` for details.", kind: .error)
        }
    }

    public var topPage: Page? { pages.last }

    public var userSpecialist: Specialist? { data.specialist(userSpecialistID) }
}
