import Foundation

/// Which due items the Today agenda lists. An inactive (or referred) client's item leaves the
/// agenda once it is 30 days overdue: otherwise a contact after a job loss a year ago would top
/// everyone's agenda for ever. The client's page and `fieldbook due` still list it.
public enum TodayAgenda {
    /// Days overdue at which an item of a client who is not active leaves the agenda.
    public static let inactiveClientOverdueDays = 30

    /// Whether the agenda lists `item`; `clientIsActive` is nil for an item with no client (an
    /// employer's next step), which always shows.
    public static func lists(_ item: DueItem, clientIsActive: Bool?) -> Bool {
        guard clientIsActive == false else { return true }
        return item.daysOverdue < inactiveClientOverdueDays
    }
}
