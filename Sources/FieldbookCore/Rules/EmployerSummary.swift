import Foundation

/// What the directory and the employer page show about one employer, from the contact log and
/// the clients' jobs.
public struct EmployerSummary: Hashable, Sendable, Identifiable {
    public var employer: Employer
    /// Every contact with the employer, newest first.
    public var contacts: ContactList
    /// The newest contact of any kind, and the newest face-to-face one (a visit).
    public var lastContact: LocalDate?
    public var lastVisit: LocalDate?
    /// Face-to-face contacts in the 90 days up to today, today included.
    public var visitsInLast90Days: Int
    public var contactsInLast90Days: Int
    /// The next step of the newest contact, if it set one: a later contact settles earlier ones.
    public var openNextStep: NextStep?
    /// Clients a contact here was made on behalf of, most recent first.
    public var jobSeekersPresented: [PresentedJobSeeker]
    /// Jobs clients hold there today.
    public var jobsHeld: [HeldJob]

    public var id: UUID { employer.id }

    /// `jobsHeld`: the jobs clients hold there today (see `HeldJob.byEmployer`).
    public init(employer: Employer, contacts: [EmployerContact], jobsHeld: [HeldJob], today: LocalDate) {
        self.init(employer: employer, newestFirst: ContactList(EmployerSummary.sortedNewestFirst(contacts)), jobsHeld: jobsHeld, today: today)
    }

    /// `contacts` already newest first. One pass, no copies: this runs for every employer on
    /// every data change.
    init(employer: Employer, newestFirst contacts: ContactList, jobsHeld: [HeldJob], today: LocalDate) {
        self.employer = employer
        self.contacts = contacts
        self.jobsHeld = jobsHeld
        let since = today.adding(days: -89)
        lastContact = nil
        lastVisit = nil
        contactsInLast90Days = 0
        visitsInLast90Days = 0
        openNextStep = contacts.first.flatMap { contact in
            contact.nextStep.flatMap { $0.isEmpty ? nil : NextStep(contact: contact, text: $0, today: today) }
        }
        var presented: [UUID: Int] = [:]
        jobSeekersPresented = []
        for contact in contacts {
            for client in contact.jobSeekerIDs {
                if let index = presented[client] {
                    jobSeekersPresented[index].contacts += 1
                } else {
                    presented[client] = jobSeekersPresented.count
                    jobSeekersPresented.append(PresentedJobSeeker(clientID: client, lastDate: contact.date, contacts: 1))
                }
            }
            guard contact.date <= today else { continue }
            if lastContact == nil { lastContact = contact.date }
            if lastVisit == nil && contact.isFaceToFace { lastVisit = contact.date }
            if contact.date >= since {
                contactsInLast90Days += 1
                if contact.isFaceToFace { visitsInLast90Days += 1 }
            }
        }
    }

    /// Sorts by keys rather than moving whole records around while comparing.
    static func sortedNewestFirst(_ contacts: [EmployerContact]) -> [EmployerContact] {
        newestFirstOrder(contacts).map { contacts[$0] }
    }

    /// The positions of `contacts` in `newestFirst` order. A loaded folder's contacts come
    /// oldest first (by day and time logged), so that order is read backwards, contacts logged
    /// at the same moment put in order by id; any other order is sorted.
    static func newestFirstOrder(_ contacts: [EmployerContact]) -> [Int] {
        let keys = contacts.map { ($0.date.dayNumber, $0.createdAt.timeIntervalSince1970) }
        let inOrder: (Int, Int) -> Bool = { a, b in
            if keys[a] != keys[b] { return keys[a] > keys[b] }
            return UUID.precedes(contacts[b].id, contacts[a].id)
        }
        guard keys.indices.dropFirst().allSatisfy({ keys[$0 - 1] <= keys[$0] }) else {
            return contacts.indices.sorted(by: inOrder)
        }
        var order: [Int] = []
        order.reserveCapacity(contacts.count)
        var end = contacts.count
        while end > 0 {
            // One moment's contacts, oldest-first positions start..<end.
            var start = end - 1
            while start > 0 && keys[start - 1] == keys[end - 1] { start -= 1 }
            if end - start == 1 {
                order.append(start)
            } else {
                order += (start..<end).sorted(by: inOrder)
            }
            end = start
        }
        return order
    }

    /// Newest date first; on one day, the one logged last first.
    public static func newestFirst(_ a: EmployerContact, _ b: EmployerContact) -> Bool {
        if a.date != b.date { return a.date > b.date }
        if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
        return UUID.precedes(b.id, a.id)
    }
}

/// A next step agreed at a contact, still to be done.
public struct NextStep: Hashable, Sendable {
    public var contactID: UUID
    public var text: String
    public var date: LocalDate?
    /// Its date has passed.
    public var isOverdue: Bool

    public init(contact: EmployerContact, text: String, today: LocalDate) {
        contactID = contact.id
        self.text = text
        date = contact.nextStepDate
        isOverdue = contact.nextStepDate.map { $0 < today } ?? false
    }
}

public struct PresentedJobSeeker: Hashable, Sendable {
    public var clientID: UUID
    /// The newest contact made on their behalf there.
    public var lastDate: LocalDate
    public var contacts: Int
}

public struct HeldJob: Hashable, Sendable {
    public var clientID: UUID
    public var job: Job

    /// The jobs clients hold on `today`, by employer: a job names its employer by id, or (in
    /// records typed before the employer was in the directory) by the employer's name.
    public static func byEmployer(clients: [Client], employers: [Employer], today: LocalDate) -> [UUID: [HeldJob]] {
        var idByName: [String: UUID] = [:]
        for employer in employers { idByName[NameSearch.fold(employer.name)] = idByName[NameSearch.fold(employer.name)] ?? employer.id }
        var result: [UUID: [HeldJob]] = [:]
        for client in clients {
            for job in client.jobs(heldOn: today) {
                guard let id = job.employerID ?? idByName[NameSearch.fold(job.employerName)] else { continue }
                result[id, default: []].append(HeldJob(clientID: client.id, job: job))
            }
        }
        return result
    }
}

/// How the employer directory is ordered.
public enum EmployerSort: String, CaseIterable, Sendable {
    case name
    /// Newest visit first; never visited last.
    case lastVisit = "last-visit"
    /// Most face-to-face contacts in the last 90 days first.
    case recentVisits = "recent-visits"

    public var label: String {
        switch self {
        case .name: "Name"
        case .lastVisit: "Last visit"
        case .recentVisits: "Visits in 90 days"
        }
    }
}

extension UUID {
    /// Orders ids by their bytes (the order of their text), without building the text: sorts
    /// break ties on ids often, since timestamps are stored to the second.
    static func precedes(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { x in withUnsafeBytes(of: b.uuid) { y in x.lexicographicallyPrecedes(y) } }
    }
}
