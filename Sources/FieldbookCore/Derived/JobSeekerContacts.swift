import Foundation

/// Employer contacts made on each client's behalf, newest first, and what follows from them:
/// the first employer contact (`FirstEmployerContact`) for the client page and the days of
/// face-to-face contacts for the due list. The build and a save take the same step per
/// contact (`add`, `remove`), so a save changes only the lists of the clients it touches.
public struct JobSeekerContacts: Sendable {
    public let today: LocalDate
    let settings: Settings
    /// Every client, by id (the first of an id read twice).
    private(set) var clientsByID: ClientsByID
    private var contactsByClient: [UUID: [EmployerContact]] = [:]

    public init(_ snapshot: DataSnapshot, today: LocalDate) {
        self.init(snapshot, newestFirst: EmployerSummary.newestFirstOrder(snapshot.employerContacts), today: today)
    }

    /// `order`: the positions of the snapshot's contacts newest first (`EmployerSummary.newestFirstOrder`).
    init(_ snapshot: DataSnapshot, newestFirst order: [Int], today: LocalDate) {
        self.today = today
        settings = snapshot.settings
        clientsByID = ClientsByID(snapshot.clients)
        // Newest first, each contact goes at the end of its lists: no list is sorted again.
        for index in order { add(snapshot.employerContacts[index]) }
    }

    /// Employer contacts made on the client's behalf, newest first.
    public func contacts(onBehalfOf clientID: UUID) -> [EmployerContact] { contactsByClient[clientID] ?? [] }

    public func firstEmployerContact(for clientID: UUID) -> FirstEmployerContact? {
        clientsByID[clientID].map {
            FirstEmployerContact(for: $0, contacts: contacts(onBehalfOf: clientID), settings: settings, today: today)
        }
    }

    /// The days of face-to-face contacts on the client's behalf, as the due list takes them.
    func faceToFaceDays(of clientID: UUID) -> [LocalDate] {
        contacts(onBehalfOf: clientID).filter(ContactTally.counts).map(\.date)
    }

    // MARK: One record

    /// `client` was saved (changed or new).
    mutating func clientSaved(_ client: Client) { clientsByID[client.id] = client }

    /// An employer contact was saved (`old`: the version it replaced, nil for a new one) or
    /// deleted (`new` nil).
    mutating func contactSaved(_ new: EmployerContact?, replacing old: EmployerContact?) {
        if let old { remove(old) }
        if let new { add(new) }
    }

    private mutating func add(_ contact: EmployerContact) {
        for client in Self.clients(of: contact) { NewestFirstLists.insert(contact, into: &contactsByClient, at: client) }
    }

    private mutating func remove(_ contact: EmployerContact) {
        for client in Self.clients(of: contact) { NewestFirstLists.remove(contact, from: &contactsByClient, at: client) }
    }

    /// The clients a contact was made for, each once (most contacts name none or one: no set made).
    private static func clients(of contact: EmployerContact) -> [UUID] {
        contact.jobSeekerIDs.count < 2 ? contact.jobSeekerIDs : Array(Set(contact.jobSeekerIDs))
    }
}

/// Lists of employer contacts kept newest first (`EmployerSummary.newestFirst`), by a key.
enum NewestFirstLists {
    /// Into its place: at the end when contacts come newest first (the build), else found by
    /// binary search (a save). One lookup of the list, changed in place.
    static func insert(_ contact: EmployerContact, into lists: inout [UUID: [EmployerContact]], at key: UUID) {
        lists[key, default: []].insertNewestFirst(contact)
    }

    static func remove(_ contact: EmployerContact, from lists: inout [UUID: [EmployerContact]], at key: UUID) {
        guard var list = lists[key], let at = list.firstIndex(where: { $0.id == contact.id }) else { return }
        list.remove(at: at)
        lists[key] = list.isEmpty ? nil : list
    }
}

extension [EmployerContact] {
    /// Puts `contact` in its place in a list kept newest first.
    mutating func insertNewestFirst(_ contact: EmployerContact) {
        guard !isEmpty, !isNewer(at: count - 1, than: contact) else {
            append(contact)
            return
        }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isNewer(at: middle, than: contact) { low = middle + 1 } else { high = middle }
        }
        insert(contact, at: low)
    }

    /// `EmployerSummary.newestFirst(self[index], contact)`, reading only the fields it compares
    /// (no copy of the whole contact: this runs for every contact of a folder).
    private func isNewer(at index: Int, than contact: EmployerContact) -> Bool {
        if self[index].date != contact.date { return self[index].date > contact.date }
        if self[index].createdAt != contact.createdAt { return self[index].createdAt > contact.createdAt }
        return UUID.precedes(contact.id, self[index].id)
    }
}
