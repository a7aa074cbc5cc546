import Foundation

/// One change of a client's status, kept so that any past morning can be reconstructed: who
/// was in follow-along, who was closed, on that day.
public struct StatusChange: Codable, Hashable, Sendable {
    /// The day the new status took effect; for a change to `closed`, the client's closing date.
    public var date: LocalDate
    public var from: ClientStatus
    public var to: ClientStatus

    public init(date: LocalDate, from: ClientStatus, to: ClientStatus) {
        self.date = date
        self.from = from
        self.to = to
    }
}

extension Client {
    /// The status the client had on `day`, changes dated that day included.
    ///
    /// Before its first recorded change a client has the status it was created or imported
    /// with (the first change's `from`); after its last recorded change, its current status. A
    /// client closed with no known closing date counts as closed on every day.
    public func status(on day: LocalDate) -> ClientStatus {
        if status == .closed && closedOn == nil { return .closed }
        let changes = orderedStatusChanges
        guard let first = changes.first else { return status }
        if day < first.date { return first.from }
        let index = changes.lastIndex { $0.date <= day } ?? 0
        return index == changes.count - 1 ? status : changes[index].to
    }

    /// The day the client was closed: the date of the change that closed them, when they are
    /// closed now; nil when they are not closed, or were closed without a recorded date.
    public var closedOn: LocalDate? {
        guard status == .closed, let last = orderedStatusChanges.last, last.to == .closed else { return nil }
        return last.date
    }

    /// Sets the status, recording the change on `day`. Changing the status again on the same
    /// day amends that day's change (and removes it when the status returns to where it was).
    public mutating func setStatus(_ newStatus: ClientStatus, on day: LocalDate) {
        guard newStatus != status else { return }
        if let lastIndex = statusHistory.indices.last, statusHistory[lastIndex].date == day,
           statusHistory.allSatisfy({ $0.date <= day })
        {
            if statusHistory[lastIndex].from == newStatus {
                statusHistory.remove(at: lastIndex)
            } else {
                statusHistory[lastIndex].to = newStatus
            }
        } else {
            statusHistory.append(StatusChange(date: day, from: status, to: newStatus))
        }
        status = newStatus
    }

    /// The history by date; changes on the same day keep the order they were recorded in.
    private var orderedStatusChanges: [StatusChange] {
        if zip(statusHistory, statusHistory.dropFirst()).allSatisfy({ $0.date <= $1.date }) { return statusHistory }
        return statusHistory.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }
}
