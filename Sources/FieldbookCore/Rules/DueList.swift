import Foundation

/// Everything due across the program as things stood on one day: the follow-along contacts
/// of every client's jobs, first employer contacts, and employers' next steps. Computed once
/// per data change (or change of day) and read by the Today screen, the caseload's "next due"
/// and `fieldbook due`.
///
/// The list is what it would have been that morning, for any day past or future: contacts,
/// employer contacts and job ends dated after `asOf` are ignored, and so are clients whose
/// program entry is after it; a job starting after `asOf` is known in advance; a client's
/// status is the one they had that day (see `Client.status(on:)`).
public struct DueList: Sendable, Equatable {
    public let asOf: LocalDate
    /// Every item not yet met, however far ahead, in `DueItem.listOrder`.
    public let items: [DueItem]
    /// Items that would be listed but were dismissed with a reason, in the same order: left
    /// out of `items`, kept for reports.
    public let dismissed: [DismissedItem]
    /// Each client's items (indexes into `items`, in list order): read per key by the client
    /// page and the caseload, so never found by going through every item.
    private let indicesByClient: [UUID: [Int]]

    public init(
        clients: [Client], employerContacts: [EmployerContact], employers: [Employer],
        specialists: [Specialist], settings: Settings, asOf: LocalDate, dismissals: DueDismissals = DueDismissals()
    ) {
        self.asOf = asOf
        let employerNames = Dictionary(employers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let specialistNames = Dictionary(specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let faceToFace = RapidJobSearch.faceToFaceDays(in: employerContacts)

        var items: [DueItem] = []
        for client in clients where client.hasDueDates(on: asOf) {
            items += FollowAlong.items(for: client, settings: settings.followAlong, asOf: asOf, employerNames: employerNames)
            if let item = RapidJobSearch.item(
                for: client, faceToFaceDays: faceToFace, days: settings.firstEmployerContactDays, asOf: asOf)
            {
                items.append(item)
            }
        }
        items += EmployerNextSteps.items(in: employerContacts, employerNames: employerNames, asOf: asOf)
        for index in items.indices {
            items[index].specialistName = items[index].specialistID.flatMap { specialistNames[$0] }
        }
        // Names are folded once each, not once per comparison.
        let sorted = items.map { item in (item, item.clientName.map(NameSearch.fold) ?? "") }
            .sorted { DueItem.listOrder($0.0, $1.0, foldedNames: ($0.1, $1.1)) }
            .map(\.0)
        var kept: [DueItem] = [], dismissed: [DismissedItem] = []
        if dismissals.isEmpty {
            kept = sorted
        } else {
            for item in sorted {
                if let dismissal = dismissals.dismissal(of: item) {
                    dismissed.append(DismissedItem(item: item, dismissal: dismissal))
                } else {
                    kept.append(item)
                }
            }
        }
        self.items = kept
        self.dismissed = dismissed

        var byClient: [UUID: [Int]] = [:]
        for (index, item) in kept.enumerated() {
            if let client = item.clientID { byClient[client, default: []].append(index) }
        }
        indicesByClient = byClient
    }

    public init(snapshot: DataSnapshot, asOf: LocalDate) {
        self.init(clients: snapshot.clients, employerContacts: snapshot.employerContacts, employers: snapshot.employers,
                  specialists: snapshot.specialists, settings: snapshot.settings, asOf: asOf,
                  dismissals: DueDismissals(snapshot: snapshot))
    }

    /// What a day's list shows: everything overdue or due today, and what falls due in the
    /// next `days` days (`asOf + days` included).
    public func items(within days: Int) -> [DueItem] {
        let last = asOf.adding(days: days)
        return items.filter { $0.dueOn <= last }
    }

    /// The client's items, soonest first.
    public func items(forClient id: UUID) -> [DueItem] {
        (indicesByClient[id] ?? []).map { items[$0] }
    }

    /// The client's soonest item: the caseload's "next due".
    public func nextItem(forClient id: UUID) -> DueItem? {
        indicesByClient[id]?.first.map { items[$0] }
    }

    /// The items of the given specialists (a client's specialist, or who logged an employer contact).
    public func items(forSpecialists ids: Set<UUID>) -> [DueItem] {
        items.filter { $0.specialistID.map(ids.contains) ?? false }
    }
}

/// A due item set aside, with the dismissal that did it.
public struct DismissedItem: Hashable, Sendable {
    public var item: DueItem
    public var dismissal: DueDismissal
}
