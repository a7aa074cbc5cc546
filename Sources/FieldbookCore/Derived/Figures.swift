import Foundation

/// What the screens, the command line and the exports derive from the records on a date, worked
/// out once per data change, never while drawing: the due list, the caseload index, the
/// employer directory, the contact tallies, name completion and the contacts on clients'
/// behalf (a file each in this folder), and a few counts.
public struct Figures: Sendable {
    /// A job starting soon.
    public struct JobStart: Hashable, Sendable, Codable {
        public var clientID: UUID
        public var clientName: String
        public var specialistID: UUID?
        public var job: Job
    }

    /// The jobs starting from `from` to `through` (nil: however far ahead), soonest first,
    /// then by client name: the Today screen's job starts and the calendar feed's.
    public static func jobStarts(in clients: [Client], from: LocalDate, through: LocalDate?) -> [JobStart] {
        var starts: [JobStart] = []
        for client in clients {
            for job in client.jobs where job.startDate >= from && through.map({ job.startDate <= $0 }) ?? true {
                starts.append(JobStart(clientID: client.id, clientName: client.name, specialistID: client.specialistID, job: job))
            }
        }
        return starts.sorted { ($0.job.startDate, $0.clientName) < ($1.job.startDate, $1.clientName) }
    }

    public let today: LocalDate
    /// Days ahead counted for job starts.
    public static let jobStartDays = 14

    /// Active clients, by specialist.
    public let activeClients: [UUID: Int]
    /// Jobs starting from today to `jobStartDays` ahead, soonest first.
    public private(set) var jobStartsAhead: [JobStart]
    /// The caseload list's keys and orders (folded names, each sort), so a filter or a search
    /// letter never sorts or folds.
    public private(set) var caseload: CaseloadIndex
    /// Records with a second version waiting to be merged ("to merge"), by record id.
    public let toMerge: [UUID: PendingMerge]
    /// Employers' summaries, the directory's orders, jobs held, business types.
    public private(set) var directory: EmployerDirectory
    /// Face-to-face contacts against the target, for any period.
    public private(set) var tallies: ContactTallies
    /// Employers, people and job seekers completed as they are typed.
    public private(set) var completion: NameCompletion
    /// Contacts made on each client's behalf, and their first employer contact.
    public private(set) var jobSeekerContacts: JobSeekerContacts
    /// This week's face-to-face tally per specialist, and the team's under nil.
    public private(set) var weekTallies: [UUID?: ContactTally]
    /// Everything due as of today (dismissed items left out): the Today agenda, the
    /// caseload's "next due" and each client's due items.
    public private(set) var due: DueList

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
    /// written (`data` holds them now), so each part works out again only what they touch,
    /// record by record (`Parts.apply`). Anything else (no previous figures, another day,
    /// specialists or settings changed, records read again) builds them all.
    public init(data: DataSnapshot, today: LocalDate, previous: Figures?, saved: [SavedChange]) {
        if let previous, var followed = Parts(following: previous, data: data, today: today, saved: saved) {
            for change in saved { followed.apply(change, in: data) }
            self.init(data: data, today: today, parts: followed)
        } else {
            self.init(data: data, today: today, parts: Parts(data, today: today))
        }
    }

    /// These figures after `saved` (as `init(data:today:previous:saved:)` gives them), worked
    /// out in place: each part is taken out of these figures before it changes, so a part held
    /// nowhere else is changed where it is rather than copied whole first (copies of the
    /// directory's summaries and the caseload's entries were most of a save's figures at ten
    /// agencies).
    public mutating func follow(_ saved: [SavedChange], data: DataSnapshot, today: LocalDate) {
        guard Parts.canFollow(self, data: data, today: today, saved: saved) else {
            self = Figures(data: data, today: today)
            return
        }
        var parts = Parts(taking: &self)
        for change in saved { parts.apply(change, in: data) }
        self = Figures(data: data, today: today, parts: parts)
    }

    /// The figures `screen` holds (the Today screen's: its due items, this week's tallies, the
    /// job starts ahead), every other part empty: what the app shows while the folder is read.
    public init(firstScreen screen: FirstScreen) {
        let data = DataSnapshot(settings: screen.settings, specialists: screen.specialists)
        var parts = Parts(data, today: screen.today)
        parts.due = DueList(listed: screen.items, asOf: screen.today, settings: screen.settings)
        self.init(data: data, today: screen.today, parts: parts)
        jobStartsAhead = screen.jobStartsAhead
        weekTallies = Dictionary(screen.weekTallies.map { ($0.specialistID, $0) }) { first, _ in first }
    }

    private init(data: DataSnapshot, today: LocalDate, parts: Parts) {
        self.today = today
        basis = Basis(data)
        var active: [UUID: Int] = [:]
        for client in data.clients {
            if let specialist = client.specialistID, client.status.isActive { active[specialist, default: 0] += 1 }
        }
        toMerge = Dictionary(data.pendingMerges.compactMap { pending in pending.recordID.map { ($0, pending) } }) { first, _ in first }
        activeClients = active
        jobStartsAhead = Figures.jobStarts(in: data.clients, from: today, through: today.adding(days: Figures.jobStartDays))
        directory = parts.directory
        tallies = parts.tallies
        jobSeekerContacts = parts.jobSeekerContacts
        completion = NameCompletion(openClientNames: parts.openClientNames, directory: parts.directory)
        due = parts.due
        caseload = parts.caseload
        var weekTallies: [UUID?: ContactTally] = [nil: parts.tallies.currentWeek(of: nil)]
        for specialist in data.specialists { weekTallies[specialist.id] = parts.tallies.currentWeek(of: specialist.id) }
        self.weekTallies = weekTallies
    }

    /// The parts derived from records, built from a snapshot or followed through saved records.
    private struct Parts {
        var directory: EmployerDirectory
        var tallies: ContactTallies
        var jobSeekerContacts: JobSeekerContacts
        var openClientNames: [(key: Completion.Key, client: Client)]
        var due: DueList
        var caseload: CaseloadIndex

        /// Everything from the snapshot: the employer side (most of the work) on another core,
        /// beside the due list and the caseload's orders, which do not need it.
        init(_ data: DataSnapshot, today: LocalDate) {
            let built = SideBySide.run({
                let due = DueList(snapshot: data, asOf: today)
                return (due, CaseloadIndex(data: data, due: due))
            }, {
                let order = EmployerSummary.newestFirstOrder(data.employerContacts)
                let directory = EmployerDirectory(data, newestFirst: order, today: today)
                return (directory, ContactTallies(data, newestFirst: order, today: today),
                        JobSeekerContacts(data, newestFirst: order, today: today),
                        NameCompletion(data, directory: directory).openClientNames)
            })
            (due, caseload) = built.0
            (directory, tallies, jobSeekerContacts, openClientNames) = built.1
        }

        /// The parts of `previous`, to follow `saved`; nil when they must be built again.
        init?(following previous: Figures, data: DataSnapshot, today: LocalDate, saved: [SavedChange]) {
            guard Self.canFollow(previous, data: data, today: today, saved: saved) else { return nil }
            directory = previous.directory
            tallies = previous.tallies
            jobSeekerContacts = previous.jobSeekerContacts
            openClientNames = previous.completion.openClientNames
            due = previous.due
            caseload = previous.caseload
        }

        /// The parts taken out of `figures`, which keep empty ones in their place: each part is
        /// then held here alone, and changed in place.
        init(taking figures: inout Figures) {
            let empty = Parts(DataSnapshot(), today: figures.today)
            openClientNames = figures.completion.openClientNames
            figures.completion = NameCompletion(openClientNames: [], directory: empty.directory)
            directory = figures.directory
            figures.directory = empty.directory
            tallies = figures.tallies
            figures.tallies = empty.tallies
            jobSeekerContacts = figures.jobSeekerContacts
            figures.jobSeekerContacts = empty.jobSeekerContacts
            due = figures.due
            figures.due = empty.due
            caseload = figures.caseload
            figures.caseload = empty.caseload
        }

        /// Whether `previous` can follow `saved`: the same day, specialists, settings and
        /// problems, and record counts the saves account for.
        static func canFollow(_ previous: Figures, data: DataSnapshot, today: LocalDate, saved: [SavedChange]) -> Bool {
            guard !saved.isEmpty, previous.today == today, previous.basis.specialists == data.specialists,
                  previous.basis.settings == data.settings, previous.basis.problems == data.problems.count
            else { return false }
            // The counts the saves account for: anything else changed too, and all is built again.
            var newClients = Set<UUID>(), newEmployers = Set<UUID>(), contacts = previous.basis.employerContacts
            for change in saved {
                switch change {
                case .client(let client): if previous.jobSeekerContacts.clientsByID[client.id] == nil { newClients.insert(client.id) }
                case .employer(let employer):
                    if previous.directory.employerPosition[employer.id] == nil { newEmployers.insert(employer.id) }
                case .employerContact(_, let old): if old == nil { contacts += 1 }
                case .deletedEmployerContact: contacts -= 1
                }
            }
            return data.clients.count == previous.basis.clients + newClients.count
                && data.employers.count == previous.basis.employers + newEmployers.count
                && data.employerContacts.count == contacts
        }

        /// One saved record, through each part's step for that kind of record.
        mutating func apply(_ change: SavedChange, in data: DataSnapshot) {
            var moved: [UUID] = []
            switch change {
            case .client(let client):
                directory.clientSaved(client, replacing: jobSeekerContacts.clientsByID[client.id], in: data)
                jobSeekerContacts.clientSaved(client)
                tallies.clientSaved(in: data)
                openClientNames = NameCompletion(openClientNames: openClientNames, directory: directory)
                    .openClientNames(after: client, in: data.clients)
                updateDueItems(of: client)
                moved.append(client.id)
            case .employer(let employer):
                directory.employerSaved(employer, in: data)
                if due.rename(employer) {
                    for client in data.clients where client.jobs.contains(where: { $0.employerID == employer.id }) {
                        updateDueItems(of: client)
                    }
                }
                updateNextSteps(of: employer.id)
            case .employerContact(let contact, let old):
                moved = contactSaved(contact, replacing: old)
            case .deletedEmployerContact(let contact):
                moved = contactSaved(nil, replacing: contact)
            }
            // Clients whose next due date may have moved take their place in the caseload list again.
            var done = Set<UUID>()
            for id in moved where done.insert(id).inserted {
                guard let client = jobSeekerContacts.clientsByID[id] else { continue }
                caseload.update(client, in: data, due: due)
            }
        }

        /// The job seekers whose due items were worked out again.
        private mutating func contactSaved(_ new: EmployerContact?, replacing old: EmployerContact?) -> [UUID] {
            directory.contactSaved(new, replacing: old)
            tallies.contactSaved(new, replacing: old)
            jobSeekerContacts.contactSaved(new, replacing: old)
            var employers: [UUID] = []
            for contact in [old, new].compactMap({ $0 }) where !employers.contains(contact.employerID) {
                employers.append(contact.employerID)
            }
            for id in employers { updateNextSteps(of: id) }
            var seekers: [UUID] = []
            for id in (old?.jobSeekerIDs ?? []) + (new?.jobSeekerIDs ?? []) where !seekers.contains(id) {
                seekers.append(id)
                if let client = jobSeekerContacts.clientsByID[id] { updateDueItems(of: client) }
            }
            return seekers
        }

        private mutating func updateDueItems(of client: Client) {
            due.update(client: client, faceToFaceDays: jobSeekerContacts.faceToFaceDays(of: client.id))
        }

        private mutating func updateNextSteps(of employerID: UUID) {
            due.updateNextSteps(of: employerID, contacts: Array(directory.contacts(atEmployer: employerID)),
                                dismissals: directory.summary(of: employerID)?.employer.dueDismissals ?? [])
        }
    }

    public func activeClients(of specialist: UUID) -> Int { activeClients[specialist] ?? 0 }
    /// This week's tally of the specialist, or of the team (nil or unknown).
    public func weekTally(of specialist: UUID?) -> ContactTally {
        weekTallies[specialist] ?? weekTallies[nil] ?? tallies.currentWeek(of: nil)
    }
}
