import Foundation

/// What the directory and the employer page show about one employer, from the contact log and
/// the clients' jobs.
public struct EmployerSummary: Hashable, Sendable, Identifiable {
    public var employer: Employer
    /// Every contact with the employer, newest first.
    public var contacts: [EmployerContact]
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
        self.employer = employer
        self.contacts = contacts.sorted(by: EmployerSummary.newestFirst)
        let since = today.adding(days: -89)
        let past = self.contacts.filter { $0.date <= today }
        lastContact = past.first?.date
        lastVisit = past.first(where: \.isFaceToFace)?.date
        contactsInLast90Days = past.count(where: { $0.date >= since })
        visitsInLast90Days = past.count(where: { $0.date >= since && $0.isFaceToFace })
        openNextStep = self.contacts.first.flatMap { contact in
            contact.nextStep.flatMap { $0.isEmpty ? nil : NextStep(contact: contact, text: $0, today: today) }
        }
        var presented: [UUID: PresentedJobSeeker] = [:]
        var order: [UUID] = []
        for contact in self.contacts {
            for client in contact.jobSeekerIDs {
                if presented[client] == nil {
                    presented[client] = PresentedJobSeeker(clientID: client, lastDate: contact.date, contacts: 0)
                    order.append(client)
                }
                presented[client]?.contacts += 1
            }
        }
        jobSeekersPresented = order.compactMap { presented[$0] }
        self.jobsHeld = jobsHeld
    }

    /// Newest date first; on one day, the one logged last first.
    public static func newestFirst(_ a: EmployerContact, _ b: EmployerContact) -> Bool {
        if a.date != b.date { return a.date > b.date }
        if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
        return a.id.uuidString > b.id.uuidString
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
