import Foundation

/// A due item the specialist set aside, with the reason ("client in hospital until March").
/// Kept on the record it concerns (a client's items on the client, an employer's next step on
/// the employer), in a list of items with ids, so two specialists dismissing different items
/// at the same time merge without a conflict. A dismissed item is left out of the day's list
/// and kept for reports.
public struct DueDismissal: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var kind: DueKind
    /// The due date of the item dismissed: the next item of the same schedule (a later date)
    /// is listed again.
    public var dueOn: LocalDate
    public var jobID: UUID?
    /// The employer contact whose next step was dismissed (employer-next-step).
    public var employerContactID: UUID?
    public var reason: String
    /// The day it was dismissed, and by whom.
    public var dismissedOn: LocalDate
    public var specialistID: UUID?
    public var createdAt: Date

    public init(
        id: UUID = UUID(), kind: DueKind, dueOn: LocalDate, jobID: UUID? = nil, employerContactID: UUID? = nil,
        reason: String, dismissedOn: LocalDate, specialistID: UUID? = nil, createdAt: Date = Date()
    ) {
        self.id = id
        self.kind = kind
        self.dueOn = dueOn
        self.jobID = jobID
        self.employerContactID = employerContactID
        self.reason = reason
        self.dismissedOn = dismissedOn
        self.specialistID = specialistID
        self.createdAt = createdAt
    }

    /// A dismissal of `item`.
    public init(of item: DueItem, reason: String, on day: LocalDate, by specialistID: UUID?, id: UUID, at time: Date) {
        self.init(id: id, kind: item.kind, dueOn: item.dueOn, jobID: item.jobID, employerContactID: item.employerContactID,
                  reason: reason, dismissedOn: day, specialistID: specialistID, createdAt: time)
    }

    /// Whether this dismissal sets `item` aside: same rule, same due date, same job or
    /// employer contact.
    public func covers(_ item: DueItem) -> Bool {
        kind == item.kind && dueOn == item.dueOn && jobID == item.jobID && employerContactID == item.employerContactID
    }
}

/// The dismissals of one client or employer, so `DueList` can leave their items out.
public struct DueDismissals: Sendable, Equatable {
    public var byClient: [UUID: [DueDismissal]]
    public var byEmployer: [UUID: [DueDismissal]]

    public init(byClient: [UUID: [DueDismissal]] = [:], byEmployer: [UUID: [DueDismissal]] = [:]) {
        self.byClient = byClient
        self.byEmployer = byEmployer
    }

    /// Every dismissal kept on the records of `snapshot`.
    public init(snapshot: DataSnapshot) {
        var clients: [UUID: [DueDismissal]] = [:], employers: [UUID: [DueDismissal]] = [:]
        for client in snapshot.clients where !client.dueDismissals.isEmpty { clients[client.id] = client.dueDismissals }
        for employer in snapshot.employers where !employer.dueDismissals.isEmpty { employers[employer.id] = employer.dueDismissals }
        self.init(byClient: clients, byEmployer: employers)
    }

    public var isEmpty: Bool { byClient.isEmpty && byEmployer.isEmpty }

    /// The dismissal that sets `item` aside, if any.
    public func dismissal(of item: DueItem) -> DueDismissal? {
        if let client = item.clientID, let found = byClient[client]?.first(where: { $0.covers(item) }) { return found }
        if item.clientID == nil, let employer = item.employerID,
           let found = byEmployer[employer]?.first(where: { $0.covers(item) }) { return found }
        return nil
    }
}
