import Foundation

/// What the screens, the command line and the exports count, computed once from the records
/// and a date (build it again when either changes), never while drawing.
public struct Figures: Sendable {
    /// A job starting soon.
    public struct JobStart: Hashable, Sendable {
        public var clientID: UUID
        public var clientName: String
        public var specialistID: UUID?
        public var job: Job
    }

    public let today: LocalDate
    /// Days ahead counted for job starts.
    public static let jobStartDays = 14

    /// Active clients, by specialist.
    public let activeClients: [UUID: Int]
    /// Jobs starting from today to `jobStartDays` ahead, soonest first.
    public let jobStartsAhead: [JobStart]
    /// The caseload list's keys and orders (folded names, each sort), so a filter or a search
    /// letter never sorts or folds.
    public let caseload: CaseloadIndex
    /// Records with a second version waiting to be merged ("to merge"), by record id.
    public let toMerge: [UUID: PendingMerge]
    /// The employer contact log: directory, summaries, completion, tallies.
    public let employerLog: EmployerLog
    /// This week's face-to-face tally per specialist, and the team's under nil.
    public let weekTallies: [UUID?: ContactTally]
    /// Everything due as of today (dismissed items left out): the Today agenda, the
    /// caseload's "next due" and each client's due items.
    public let due: DueList

    /// What the figures were built from besides the records a save changes: a change here
    /// builds them all again.
    private struct Basis: Equatable, Sendable {
        var specialists: [Specialist]
        var settings: Settings
        var clients: Int
        var employers: Int
        var employerContacts: Int
        var problems: Int

        init(_ data: DataSnapshot) {
            specialists = data.specialists
            settings = data.settings
            clients = data.clients.count
            employers = data.employers.count
            employerContacts = data.employerContacts.count
            problems = data.problems.count
        }
    }

    private let basis: Basis

    /// `previous` and `savedClient`: the figures before one client was saved (and `data` holds
    /// it now), so what can follow that one client is moved instead of built again.
    public init(data: DataSnapshot, today: LocalDate, previous: Figures? = nil, savedClient: Client? = nil) {
        self.init(data: data, today: today, previous: previous, saved: savedClient.map { [.client($0)] } ?? [])
    }

    /// `previous` and `saved`: the figures before a save and the records it wrote, in the order
    /// written (`data` holds them now), so only what they touch is worked out again: a client's
    /// own due items, place in the caseload list and jobs held; an employer's summary, place in
    /// the directory and business types; an employer contact's employer, specialist's tally,
    /// next steps and job seekers' first employer contact. Anything else (no previous figures,
    /// another day, specialists or settings changed, records read again) builds them all.
    public init(data: DataSnapshot, today: LocalDate, previous: Figures?, saved: [SavedChange]) {
        self.today = today
        basis = Basis(data)
        var active: [UUID: Int] = [:]
        var starts: [JobStart] = []
        let horizon = today.adding(days: Figures.jobStartDays)
        for client in data.clients {
            for job in client.jobs where job.startDate >= today && job.startDate <= horizon {
                starts.append(JobStart(clientID: client.id, clientName: client.name, specialistID: client.specialistID, job: job))
            }
            if let specialist = client.specialistID, client.status.isActive { active[specialist, default: 0] += 1 }
        }
        toMerge = Dictionary(data.pendingMerges.compactMap { pending in pending.recordID.map { ($0, pending) } }) { first, _ in first }
        activeClients = active
        jobStartsAhead = starts.sorted { ($0.job.startDate, $0.clientName) < ($1.job.startDate, $1.clientName) }

        let log: EmployerLog
        if let previous, let followed = Followed(previous, data: data, today: today, saved: saved) {
            log = followed.log
            due = followed.due
            caseload = followed.caseload
        } else {
            // The employer log (most of the work) on another core, beside the due list and the
            // caseload's orders, which do not need it.
            let built = SideBySide.run({
                let due = DueList(snapshot: data, asOf: today)
                return (due, CaseloadIndex(data: data, due: due))
            }, { EmployerLog(data, today: today) })
            log = built.1
            (due, caseload) = built.0
        }
        var tallies: [UUID?: ContactTally] = [nil: log.currentWeek(of: nil)]
        for specialist in data.specialists { tallies[specialist.id] = log.currentWeek(of: specialist.id) }
        employerLog = log
        weekTallies = tallies
    }

    /// The parts that follow saved records, from the figures before the save; nil when they
    /// must be built again.
    private struct Followed {
        var log: EmployerLog
        var due: DueList
        var caseload: CaseloadIndex

        init?(_ previous: Figures, data: DataSnapshot, today: LocalDate, saved: [SavedChange]) {
            guard !saved.isEmpty, previous.today == today, previous.basis.specialists == data.specialists,
                  previous.basis.settings == data.settings, previous.basis.problems == data.problems.count
            else { return nil }
            // The counts the saves account for: anything else changed too, and all is built again.
            var newClients = Set<UUID>(), newEmployers = Set<UUID>(), contacts = previous.basis.employerContacts
            for change in saved {
                switch change {
                case .client(let client): if previous.employerLog.clientsByID[client.id] == nil { newClients.insert(client.id) }
                case .employer(let employer):
                    if previous.employerLog.employerPosition[employer.id] == nil { newEmployers.insert(employer.id) }
                case .employerContact(_, let old): if old == nil { contacts += 1 }
                case .deletedEmployerContact: contacts -= 1
                }
            }
            guard data.clients.count == previous.basis.clients + newClients.count,
                  data.employers.count == previous.basis.employers + newEmployers.count,
                  data.employerContacts.count == contacts
            else { return nil }

            log = previous.employerLog
            due = previous.due
            caseload = previous.caseload
            var moved: [UUID] = []
            for change in saved {
                switch change {
                case .client(let client):
                    log.clientSaved(client, in: data)
                    due.update(client: client, faceToFaceDays: Self.faceToFaceDays(of: client.id, in: log))
                    moved.append(client.id)
                case .employer(let employer):
                    log.employerSaved(employer, in: data)
                    if due.rename(employer) {
                        for client in data.clients where client.jobs.contains(where: { $0.employerID == employer.id }) {
                            due.update(client: client, faceToFaceDays: Self.faceToFaceDays(of: client.id, in: log))
                        }
                    }
                    updateNextSteps(of: employer.id)
                case .employerContact(let contact, let old):
                    moved += contactSaved(contact, replacing: old)
                case .deletedEmployerContact(let contact):
                    moved += contactSaved(nil, replacing: contact)
                }
            }
            // Clients whose next due date may have moved take their place in the caseload list again.
            var done = Set<UUID>()
            for id in moved where done.insert(id).inserted {
                guard let client = log.clientsByID[id] else { continue }
                caseload = caseload.updating(client, in: data, due: due)
            }
        }

        private mutating func updateNextSteps(of employerID: UUID) {
            due.updateNextSteps(of: employerID, contacts: log.contacts(atEmployer: employerID),
                                dismissals: log.summaries[employerID]?.employer.dueDismissals ?? [])
        }

        /// The job seekers whose due items were worked out again.
        private mutating func contactSaved(_ new: EmployerContact?, replacing old: EmployerContact?) -> [UUID] {
            log.employerContactSaved(new, replacing: old)
            var employers: [UUID] = []
            for contact in [old, new].compactMap({ $0 }) where !employers.contains(contact.employerID) {
                employers.append(contact.employerID)
            }
            for id in employers { updateNextSteps(of: id) }
            var seekers: [UUID] = []
            for id in (old?.jobSeekerIDs ?? []) + (new?.jobSeekerIDs ?? []) where !seekers.contains(id) {
                seekers.append(id)
                if let client = log.clientsByID[id] {
                    due.update(client: client, faceToFaceDays: Self.faceToFaceDays(of: id, in: log))
                }
            }
            return seekers
        }

        static func faceToFaceDays(of client: UUID, in log: EmployerLog) -> [LocalDate] {
            log.contacts(onBehalfOf: client).filter(\.isFaceToFace).map(\.date)
        }
    }

    public func activeClients(of specialist: UUID) -> Int { activeClients[specialist] ?? 0 }
    /// This week's tally of the specialist, or of the team (nil or unknown).
    public func weekTally(of specialist: UUID?) -> ContactTally {
        weekTallies[specialist] ?? weekTallies[nil] ?? employerLog.currentWeek(of: nil)
    }
}
