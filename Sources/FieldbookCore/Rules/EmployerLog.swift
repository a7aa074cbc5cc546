import Foundation

/// The employer contact log read once: indexes and derived numbers built from a snapshot on a
/// given day, so screens and the command line ask questions without going through every record
/// again. Build a new one when the day turns; after one save, `saved(_:in:)` (in
/// EmployerLog+Saves.swift) follows the saved record instead of building it all again.
public struct EmployerLog: Sendable {
    public let today: LocalDate
    public let settings: Settings
    /// Every employer's summary, by employer id.
    public internal(set) var summaries: [UUID: EmployerSummary]
    /// Each specialist's weekly face-to-face target from today's caseload.
    public internal(set) var weeklyTargets: [UUID: Int]
    /// Employers by type of business, for the employers that fit a career profile.
    public internal(set) var businessTypes: BusinessTypeIndex

    /// By name.
    let specialists: [Specialist]
    var clientsByID: [UUID: Client]
    /// Each client's place in the snapshot's list (the order of `HeldJob.byEmployer`).
    var clientOrder: [UUID: Int]
    /// Every contact, by employer id (employers missing from the directory too), newest first.
    var contactsByEmployer: [UUID: [EmployerContact]]
    /// Contacts made on each client's behalf, newest first.
    var contactsByClient: [UUID: [EmployerContact]]
    /// Face-to-face contact dates per specialist, oldest first.
    var faceToFaceDays: [UUID: [Int]]
    /// The directory's employers in the snapshot's order, with their names prepared for completion.
    var employerNames: [(key: Completion.Key, employer: Employer)]
    /// Each employer's place in `employerNames`.
    var employerPosition: [UUID: Int]
    /// The employer a job that names its employer only by name is held at: folded name to the
    /// first employer of the directory with that name.
    var employerIDByName: [String: UUID]
    /// Jobs clients hold today, by employer id (see `HeldJob.byEmployer`).
    var heldJobs: [UUID: [HeldJob]]
    var directoryOrders: [EmployerSort: [Int]]
    /// Clients not closed: the ones offered as job seekers.
    var openClientNames: [(key: Completion.Key, client: Client)]

    public init(_ snapshot: DataSnapshot, today: LocalDate) {
        self.today = today
        settings = snapshot.settings
        specialists = snapshot.specialists.map { (NameSearch.fold($0.name), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : UUID.precedes($0.1.id, $1.1.id) }.map(\.1)
        clientsByID = Dictionary(snapshot.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        clientOrder = Dictionary(snapshot.clients.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Each contact is copied straight into its lists, newest first (no sorted copy of them all).
        let contacts = snapshot.employerContacts
        var byEmployer: [UUID: [EmployerContact]] = [:]
        var byClient: [UUID: [EmployerContact]] = [:]
        var days: [UUID: [Int]] = [:]
        for index in EmployerSummary.newestFirstOrder(contacts) {
            let contact = contacts[index]
            byEmployer[contact.employerID, default: []].append(contact)
            if contact.jobSeekerIDs.count == 1 {
                byClient[contact.jobSeekerIDs[0], default: []].append(contact)
            } else if !contact.jobSeekerIDs.isEmpty {
                for client in Set(contact.jobSeekerIDs) { byClient[client, default: []].append(contact) }
            }
            if ContactTally.counts(contact) { days[contact.specialistID, default: []].append(contact.date.dayNumber) }
        }
        contactsByEmployer = byEmployer
        contactsByClient = byClient
        faceToFaceDays = days.mapValues { $0.reversed() }
        employerNames = snapshot.employers.map { (Completion.Key($0.name), $0) }
        employerPosition = Dictionary(snapshot.employers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        employerIDByName = Self.employerIDsByName(employerNames)
        let held = Self.heldJobs(snapshot.clients, employerIDByName: employerIDByName, today: today)
        heldJobs = held
        var summaries: [UUID: EmployerSummary] = [:]
        for employer in snapshot.employers {
            summaries[employer.id] = EmployerSummary(
                employer: employer, newestFirst: byEmployer[employer.id] ?? [], jobsHeld: held[employer.id] ?? [], today: today)
        }
        self.summaries = summaries
        weeklyTargets = Self.weeklyTargets(snapshot, settings: settings)
        businessTypes = BusinessTypeIndex(snapshot.employers)
        directoryOrders = Self.directoryOrders(employerNames, summaries: summaries)
        openClientNames = snapshot.clients.filter { $0.status != .closed }.map { ($0.completionKey, $0) }
    }

    /// Each specialist's weekly target from the number of their clients in job search.
    static func weeklyTargets(_ snapshot: DataSnapshot, settings: Settings) -> [UUID: Int] {
        var seekers: [UUID: Int] = [:]
        for client in snapshot.clients where client.status == .jobSearch {
            if let id = client.specialistID { seekers[id, default: 0] += 1 }
        }
        var targets: [UUID: Int] = [:]
        for specialist in snapshot.specialists {
            targets[specialist.id] = ContactTally.weeklyTarget(jobSeekers: seekers[specialist.id] ?? 0, settings: settings)
        }
        return targets
    }

    /// Folded name to the first employer with it (names already folded in their keys).
    static func employerIDsByName(_ names: [(key: Completion.Key, employer: Employer)]) -> [String: UUID] {
        var result: [String: UUID] = [:]
        for entry in names where result[entry.key.folded] == nil { result[entry.key.folded] = entry.employer.id }
        return result
    }

    /// The jobs clients hold today by employer, as `HeldJob.byEmployer` gives them.
    static func heldJobs(_ clients: [Client], employerIDByName: [String: UUID], today: LocalDate) -> [UUID: [HeldJob]] {
        var result: [UUID: [HeldJob]] = [:]
        for client in clients {
            for (id, held) in heldJobs(of: client, employerIDByName: employerIDByName, today: today) {
                result[id, default: []].append(held)
            }
        }
        return result
    }

    /// One client's jobs held today, each with the employer it is held at.
    static func heldJobs(of client: Client, employerIDByName: [String: UUID], today: LocalDate) -> [(UUID, HeldJob)] {
        client.jobs(heldOn: today).compactMap { job in
            guard let id = job.employerID ?? employerIDByName[NameSearch.fold(job.employerName)] else { return nil }
            return (id, HeldJob(clientID: client.id, job: job))
        }
    }

    // MARK: The weekly tally

    /// The tally of the week holding today: for the header.
    public func currentWeek(of specialistID: UUID?) -> ContactTally {
        tally(of: specialistID, week: ISOWeek(containing: today))
    }

    public func tally(of specialistID: UUID?, week: ISOWeek) -> ContactTally {
        tally(of: specialistID, period: week.days)
    }

    /// Face-to-face contacts in `period` against the target, for one specialist or (nil) the
    /// team: the active specialists and anyone else who logged a contact in the period.
    public func tally(of specialistID: UUID?, period: DateRange) -> ContactTally {
        let members = specialistID.map { [$0] } ?? team(in: period)
        let done = members.reduce(0) { $0 + faceToFaceCount(of: $1, in: period) }
        let weekly = members.reduce(0) { $0 + (weeklyTargets[$1] ?? settings.weeklyFaceToFaceTarget) }
        return ContactTally(period: period, specialistID: specialistID, done: done,
                            target: ContactTally.target(weekly: weekly, days: period.dayCount), today: today)
    }

    /// The last `weeks` weeks up to and including this one, oldest first: for the history chart.
    public func history(of specialistID: UUID?, weeks: Int = 12) -> [ContactTally] {
        let current = ISOWeek(containing: today)
        return (0..<max(0, weeks)).reversed().map { tally(of: specialistID, week: current.adding(weeks: -$0)) }
    }

    /// Specialists counted in a team tally, by name.
    public func team(in period: DateRange) -> [UUID] {
        specialists.filter { $0.isActive || faceToFaceCount(of: $0.id, in: period) > 0 }
            .map(\.id)
    }

    private func faceToFaceCount(of specialistID: UUID, in period: DateRange) -> Int {
        guard let days = faceToFaceDays[specialistID] else { return 0 }
        return Self.firstIndex(in: days, notBelow: period.to.dayNumber + 1) - Self.firstIndex(in: days, notBelow: period.from.dayNumber)
    }

    static func firstIndex(in sorted: [Int], notBelow value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: Employers

    public func summary(of employerID: UUID) -> EmployerSummary? { summaries[employerID] }

    /// The directory: employers whose name matches `query` (every word, accents optional), in
    /// the chosen order; ties by name. The orders are worked out once (`directoryOrders`), so a
    /// search letter only walks one of them.
    public func directory(sortedBy sort: EmployerSort, matching query: String = "") -> [EmployerSummary] {
        let words = NameSearch.fold(query).split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
        return (directoryOrders[sort] ?? []).compactMap { index in
            let entry = employerNames[index]
            guard words.allSatisfy({ Completion.contains(entry.key.bytes, $0) }) else { return nil }
            return summaries[entry.employer.id]
        }
    }

    /// For each sort of the directory, the employers (indexes into `employerNames`) in order.
    /// Each employer's keys are looked up once, not once per comparison.
    static func directoryOrders(_ names: [(key: Completion.Key, employer: Employer)], summaries: [UUID: EmployerSummary])
        -> [EmployerSort: [Int]]
    {
        let listed: [DirectoryKeys] = names.indices.compactMap { DirectoryKeys(index: $0, names: names, summaries: summaries) }
        var orders: [EmployerSort: [Int]] = [:]
        for sort in EmployerSort.allCases {
            orders[sort] = listed.sorted { $0.precedes($1, by: sort) }.map(\.index)
        }
        return orders
    }

    /// What the directory's orders compare of one employer.
    struct DirectoryKeys {
        var index: Int
        var name: [UInt8]
        var id: UUID
        var lastVisit: Int
        var recent: Int

        /// nil for an employer without a summary (not listed).
        init?(index: Int, names: [(key: Completion.Key, employer: Employer)], summaries: [UUID: EmployerSummary]) {
            guard let summary = summaries[names[index].employer.id] else { return nil }
            self.index = index
            name = names[index].key.bytes
            id = summary.id
            lastVisit = summary.lastVisit?.dayNumber ?? .min
            recent = summary.visitsInLast90Days
        }

        func precedes(_ other: DirectoryKeys, by sort: EmployerSort) -> Bool {
            switch sort {
            case .name: break
            case .lastVisit: if lastVisit != other.lastVisit { return lastVisit > other.lastVisit }
            case .recentVisits: if recent != other.recent { return recent > other.recent }
            }
            return name != other.name ? name.lexicographicallyPrecedes(other.name) : UUID.precedes(id, other.id)
        }
    }

    /// The name of the person met: from the directory when the contact refers to someone there,
    /// else as typed.
    public func personName(of contact: EmployerContact) -> String? {
        summaries[contact.employerID]?.employer.person(contact.contactPersonID)?.name ?? contact.contactPerson
    }

    // MARK: Clients

    /// Employer contacts made on the client's behalf, newest first.
    public func contacts(onBehalfOf clientID: UUID) -> [EmployerContact] { contactsByClient[clientID] ?? [] }

    public func firstEmployerContact(for clientID: UUID) -> FirstEmployerContact? {
        clientsByID[clientID].map {
            FirstEmployerContact(for: $0, contacts: contacts(onBehalfOf: clientID), settings: settings, today: today)
        }
    }

    // MARK: Completion for the visit form

    /// Employers whose name matches the fragment, best first.
    public func employers(matching fragment: String, limit: Int = 10) -> [Employer] {
        // Nothing typed (a visit form just opened): the directory's first names, in the order
        // kept for it, rather than a pass over every employer.
        if fragment.allSatisfy(\.isWhitespace), let byName = directoryOrders[.name] {
            return byName.prefix(max(0, limit)).map { employerNames[$0].employer }
        }
        return Completion.rank(employerNames, query: fragment, limit: limit) { $0.key }.map(\.employer)
    }

    /// Clients (not closed) whose name or preferred name matches the fragment, best first, those
    /// in job search before others, each with the disclosure preference to show beside the name.
    public func jobSeekers(matching fragment: String, limit: Int = 10) -> [JobSeekerMatch] {
        Completion.rank(openClientNames, query: fragment, limit: limit, key: { $0.key }) { a, b in
            a.client.status == .jobSearch && b.client.status != .jobSearch
        }.map { JobSeekerMatch(client: $0.client) }
    }

    /// People at the employer whose name or title matches the fragment, best first.
    public func people(of employerID: UUID, matching fragment: String, limit: Int = 10) -> [EmployerPerson] {
        let people = summaries[employerID]?.employer.people ?? []
        return Completion.rank(people, query: fragment, limit: limit) { Completion.Key($0.name + " " + ($0.title ?? "")) }
    }
}

/// A client offered when picking whom a contact is on behalf of.
public struct JobSeekerMatch: Hashable, Sendable, Identifiable {
    public var client: Client
    public var id: UUID { client.id }
    /// What may be said to employers, shown beside the name.
    public var disclosure: String { client.disclosure.summary }
}

extension Client {
    /// The name and the preferred name, prepared for completion (the visit form's job seekers).
    var completionKey: Completion.Key { Completion.Key(name + " " + (preferredName ?? "")) }
}
