import Foundation

/// What the screens, the command line and the exports count, computed once from the records
/// and a date (build it again when either changes), never while drawing.
public struct Figures: Sendable {
    /// Visits to one employer: how many in the recent window, and the latest ever.
    public struct EmployerVisits: Hashable, Sendable {
        public var recent: Int
        public var last: LocalDate?
    }

    /// A job starting soon.
    public struct JobStart: Hashable, Sendable {
        public var clientID: UUID
        public var clientName: String
        public var specialistID: UUID?
        public var job: Job
    }

    public let today: LocalDate
    /// Days back counted as "recent" for employer visits.
    public static let recentVisitDays = 90
    /// Days ahead counted for job starts.
    public static let jobStartDays = 14

    public let activeClients: [UUID: Int]
    public let jobSeekers: [UUID: Int]
    /// Clients holding a job today, by specialist.
    public let workingClients: [UUID: Int]
    public let faceToFaceThisWeek: [UUID: Int]
    public let weeklyTarget: [UUID: Int]
    public let employerVisits: [UUID: EmployerVisits]
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

    /// `previous` and `savedClient`: the figures before one client was saved (and `data` holds
    /// it now), so what can follow that one client is moved instead of built again.
    public init(data: DataSnapshot, today: LocalDate, previous: Figures? = nil, savedClient: Client? = nil) {
        self.today = today
        var active: [UUID: Int] = [:], seekers: [UUID: Int] = [:], working: [UUID: Int] = [:]
        var starts: [JobStart] = []
        let horizon = today.adding(days: Figures.jobStartDays)
        for client in data.clients {
            for job in client.jobs where job.startDate >= today && job.startDate <= horizon {
                starts.append(JobStart(clientID: client.id, clientName: client.name, specialistID: client.specialistID, job: job))
            }
            guard let specialist = client.specialistID else { continue }
            if client.status.isActive { active[specialist, default: 0] += 1 }
            if client.status == .jobSearch { seekers[specialist, default: 0] += 1 }
            if client.jobs.contains(where: { $0.isHeld(on: today) }) { working[specialist, default: 0] += 1 }
        }
        let weekStart = today.startOfWeek, weekEnd = today.startOfWeek.adding(days: 6)
        let since = today.adding(days: -Figures.recentVisitDays)
        var faceToFace: [UUID: Int] = [:]
        var visits: [UUID: EmployerVisits] = [:]
        for contact in data.employerContacts {
            if contact.isFaceToFace && contact.date >= weekStart && contact.date <= weekEnd {
                faceToFace[contact.specialistID, default: 0] += 1
            }
            var entry = visits[contact.employerID] ?? EmployerVisits(recent: 0, last: nil)
            if contact.date >= since { entry.recent += 1 }
            entry.last = max(entry.last ?? contact.date, contact.date)
            visits[contact.employerID] = entry
        }
        var targets: [UUID: Int] = [:]
        let settings = data.settings
        for specialist in data.specialists {
            let count = seekers[specialist.id] ?? 0
            targets[specialist.id] = count < settings.smallCaseloadJobSeekers
                ? count * settings.faceToFacePerJobSeekerWhenSmall : settings.weeklyFaceToFaceTarget
        }
        toMerge = Dictionary(data.pendingMerges.compactMap { pending in pending.recordID.map { ($0, pending) } }) { first, _ in first }
        let log = EmployerLog(data, today: today)
        var tallies: [UUID?: ContactTally] = [nil: log.currentWeek(of: nil)]
        for specialist in data.specialists { tallies[specialist.id] = log.currentWeek(of: specialist.id) }
        employerLog = log
        weekTallies = tallies
        let due = DueList(snapshot: data, asOf: today)
        self.due = due
        if let previous, let savedClient, previous.today == today {
            caseload = previous.caseload.updating(savedClient, in: data, due: due)
        } else {
            caseload = CaseloadIndex(data: data, due: due)
        }
        activeClients = active
        jobSeekers = seekers
        workingClients = working
        faceToFaceThisWeek = faceToFace
        weeklyTarget = targets
        employerVisits = visits
        jobStartsAhead = starts.sorted { ($0.job.startDate, $0.clientName) < ($1.job.startDate, $1.clientName) }
    }

    public func activeClients(of specialist: UUID) -> Int { activeClients[specialist] ?? 0 }
    public func jobSeekers(of specialist: UUID) -> Int { jobSeekers[specialist] ?? 0 }
    public func workingClients(of specialist: UUID) -> Int { workingClients[specialist] ?? 0 }
    public func faceToFaceThisWeek(of specialist: UUID) -> Int { faceToFaceThisWeek[specialist] ?? 0 }
    public func weeklyTarget(of specialist: UUID) -> Int { weeklyTarget[specialist] ?? 0 }
    /// This week's tally of the specialist, or of the team (nil or unknown).
    public func weekTally(of specialist: UUID?) -> ContactTally {
        weekTallies[specialist] ?? weekTallies[nil] ?? employerLog.currentWeek(of: nil)
    }
    public func visits(to employer: UUID) -> EmployerVisits { employerVisits[employer] ?? EmployerVisits(recent: 0, last: nil) }
}
