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
    public private(set) var items: [DueItem]
    /// Items that would be listed but were dismissed with a reason, in the same order: left
    /// out of `items`, kept for reports.
    public private(set) var dismissed: [DismissedItem]
    /// Each client's items in list order: read per key by the client page and the caseload,
    /// so never found by going through every item. With the client's dismissed items, they are
    /// what the client's rules gave: what comes out of the lists when those are worked out again.
    private var keptByClient: [UUID: [DueItem]]
    /// The same for employers' next steps, by employer id.
    private var givenByEmployer: [UUID: [DueItem]]
    private let settings: Settings
    private var employerNames: [UUID: String]
    private let specialistNames: [UUID: String]

    public init(
        clients: [Client], employerContacts: [EmployerContact], employers: [Employer],
        specialists: [Specialist], settings: Settings, asOf: LocalDate, dismissals: DueDismissals = DueDismissals()
    ) {
        self.asOf = asOf
        self.settings = settings
        let employerNames = Dictionary(employers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let specialistNames = Dictionary(specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.employerNames = employerNames
        self.specialistNames = specialistNames
        let faceToFace = FirstEmployerContact.faceToFaceDays(in: employerContacts)

        var items: [DueItem] = []
        for client in clients where client.hasDueDates(on: asOf) {
            items += Self.items(for: client, faceToFaceDays: faceToFace, settings: settings, asOf: asOf, employerNames: employerNames)
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
        var byClient: [UUID: [DueItem]] = [:], givenByEmployer: [UUID: [DueItem]] = [:]
        for item in sorted {
            if item.clientID == nil, let employer = item.employerID {
                givenByEmployer[employer, default: []].append(item)
            }
            if let dismissal = dismissals.isEmpty ? nil : dismissals.dismissal(of: item) {
                dismissed.append(DismissedItem(item: item, dismissal: dismissal))
            } else {
                kept.append(item)
                if let client = item.clientID { byClient[client, default: []].append(item) }
            }
        }
        self.items = kept
        self.dismissed = dismissed
        keptByClient = byClient
        self.givenByEmployer = givenByEmployer
    }

    /// A list of `items` already worked out (in list order, none dismissed), as a `FirstScreen`
    /// keeps them: no rule is run again.
    init(listed items: [DueItem], asOf: LocalDate, settings: Settings) {
        self.asOf = asOf
        self.settings = settings
        self.items = items
        dismissed = []
        var byClient: [UUID: [DueItem]] = [:]
        for item in items { if let client = item.clientID { byClient[client, default: []].append(item) } }
        keptByClient = byClient
        givenByEmployer = [:]
        employerNames = [:]
        specialistNames = [:]
    }

    /// A client's items from the rules (follow-along and first employer contact), in no order.
    private static func items(
        for client: Client, faceToFaceDays: [UUID: [LocalDate]], settings: Settings, asOf: LocalDate, employerNames: [UUID: String]
    ) -> [DueItem] {
        guard client.hasDueDates(on: asOf) else { return [] }
        var items = FollowAlong.items(for: client, settings: settings.followAlong, asOf: asOf, employerNames: employerNames)
        if let item = FirstEmployerContact.dueItem(for: client, faceToFaceDays: faceToFaceDays, settings: settings, asOf: asOf) {
            items.append(item)
        }
        // What fell due before the records begin is not known to be late: it is due that day.
        if let begin = client.recordsBegin { items = items.map { $0.due(notBefore: begin, asOf: asOf) } }
        return items
    }

    /// The lists equal when they list the same items and dismissed items for the same day.
    public static func == (a: DueList, b: DueList) -> Bool {
        a.asOf == b.asOf && a.items == b.items && a.dismissed == b.dismissed
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
        keptByClient[id] ?? []
    }

    /// The client's soonest item: the caseload's "next due".
    public func nextItem(forClient id: UUID) -> DueItem? {
        keptByClient[id]?.first
    }

    /// The items of the given specialists (a client's specialist, or who logged an employer contact).
    public func items(forSpecialists ids: Set<UUID>) -> [DueItem] {
        items.filter { $0.specialistID.map(ids.contains) ?? false }
    }
}

// MARK: After a save

extension DueList {
    /// The client's items worked out again (`client` was saved, or an employer contact on their
    /// behalf was): the others' are kept. `faceToFaceDays`: the days of face-to-face employer
    /// contacts made on the client's behalf.
    mutating func update(client: Client, faceToFaceDays: [LocalDate]) {
        var fresh = Self.items(for: client, faceToFaceDays: [client.id: faceToFaceDays], settings: settings,
                               asOf: asOf, employerNames: employerNames)
        for index in fresh.indices {
            fresh[index].specialistName = fresh[index].specialistID.flatMap { specialistNames[$0] }
        }
        fresh.sort(by: DueItem.listOrder)
        let given = (keptByClient[client.id] ?? []) + dismissed.lazy.map(\.item).filter { $0.clientID == client.id }
        let kept = replace(given, with: fresh, dismissals: DueDismissals(byClient: [client.id: client.dueDismissals]))
        keptByClient[client.id] = kept.isEmpty ? nil : kept
    }

    /// The employer's next steps worked out again from its contacts (all of them, in any order)
    /// and its dismissals.
    mutating func updateNextSteps(of employerID: UUID, contacts: [EmployerContact], dismissals: [DueDismissal]) {
        var fresh = EmployerNextSteps.items(in: contacts, employerNames: employerNames, asOf: asOf)
        for index in fresh.indices {
            fresh[index].specialistName = fresh[index].specialistID.flatMap { specialistNames[$0] }
        }
        fresh.sort(by: DueItem.listOrder)
        _ = replace(givenByEmployer[employerID] ?? [], with: fresh, dismissals: DueDismissals(byEmployer: [employerID: dismissals]))
        givenByEmployer[employerID] = fresh.isEmpty ? nil : fresh
    }

    /// The name items give the employer from now on (items already listed keep theirs until
    /// worked out again). True when it changed.
    mutating func rename(_ employer: Employer) -> Bool {
        guard employerNames[employer.id] != employer.name else { return false }
        employerNames[employer.id] = employer.name
        return true
    }

    /// Takes `old` out of the lists and puts `new` in, each in its place (binary search):
    /// returns the new items not dismissed.
    private mutating func replace(_ old: [DueItem], with new: [DueItem], dismissals: DueDismissals) -> [DueItem] {
        for item in old {
            let at = Self.insertionPoint(of: item, in: items) { $0 }
            if at < items.count && items[at] == item {
                items.remove(at: at)
                continue
            }
            let there = Self.insertionPoint(of: item, in: dismissed, \.item)
            if there < dismissed.count && dismissed[there].item == item { dismissed.remove(at: there) }
        }
        var kept: [DueItem] = []
        for item in new {
            if let dismissal = dismissals.dismissal(of: item) {
                dismissed.insert(DismissedItem(item: item, dismissal: dismissal),
                                 at: Self.insertionPoint(of: item, in: dismissed, \.item))
            } else {
                items.insert(item, at: Self.insertionPoint(of: item, in: items) { $0 })
                kept.append(item)
            }
        }
        return kept
    }

    /// The first place in `list` (in list order) whose item does not come before `item`.
    private static func insertionPoint<Element>(of item: DueItem, in list: [Element], _ itemOf: (Element) -> DueItem) -> Int {
        let folded = item.clientName.map(NameSearch.fold) ?? ""
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            let other = itemOf(list[middle])
            if DueItem.listOrder(other, item, foldedNames: (other.clientName.map(NameSearch.fold) ?? "", folded)) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}

/// A due item set aside, with the dismissal that did it.
public struct DismissedItem: Hashable, Sendable {
    public var item: DueItem
    public var dismissal: DueDismissal
}
