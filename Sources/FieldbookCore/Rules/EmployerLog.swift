import Foundation

/// The employer contact log read once: indexes and derived numbers built from a snapshot on a
/// given day, so screens and the command line ask questions without going through every record
/// again. Build a new one when the data changes or the day turns.
public struct EmployerLog: Sendable {
    public let today: LocalDate
    public let settings: Settings
    /// Every employer's summary, by employer id.
    public let summaries: [UUID: EmployerSummary]
    /// Each specialist's weekly face-to-face target from today's caseload.
    public let weeklyTargets: [UUID: Int]
    /// Employers by type of business, for the employers that fit a career profile.
    public let businessTypes: BusinessTypeIndex

    /// By name.
    private let specialists: [Specialist]
    private let clientsByID: [UUID: Client]
    private let contactsByClient: [UUID: [EmployerContact]]
    /// Face-to-face contact dates per specialist, oldest first.
    private let faceToFaceDays: [UUID: [Int]]
    private let employerNames: [(key: Completion.Key, employer: Employer)]
    private let directoryOrders: [EmployerSort: [Int]]
    /// Clients not closed: the ones offered as job seekers.
    private let openClientNames: [(key: Completion.Key, client: Client)]

    public init(_ snapshot: DataSnapshot, today: LocalDate) {
        self.today = today
        settings = snapshot.settings
        specialists = snapshot.specialists.map { (NameSearch.fold($0.name), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : UUID.precedes($0.1.id, $1.1.id) }.map(\.1)
        clientsByID = Dictionary(snapshot.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        let newestFirst = EmployerSummary.sortedNewestFirst(snapshot.employerContacts)
        var byEmployer: [UUID: [EmployerContact]] = [:]
        var byClient: [UUID: [EmployerContact]] = [:]
        var days: [UUID: [Int]] = [:]
        for contact in newestFirst {
            byEmployer[contact.employerID, default: []].append(contact)
            if !contact.jobSeekerIDs.isEmpty {
                for client in Set(contact.jobSeekerIDs) { byClient[client, default: []].append(contact) }
            }
            if contact.isFaceToFace { days[contact.specialistID, default: []].append(contact.date.dayNumber) }
        }
        contactsByClient = byClient
        faceToFaceDays = days.mapValues { $0.reversed() }
        let held = HeldJob.byEmployer(clients: snapshot.clients, employers: snapshot.employers, today: today)
        var summaries: [UUID: EmployerSummary] = [:]
        for employer in snapshot.employers {
            summaries[employer.id] = EmployerSummary(
                employer: employer, newestFirst: byEmployer[employer.id] ?? [], jobsHeld: held[employer.id] ?? [], today: today)
        }
        self.summaries = summaries

        var seekers: [UUID: Int] = [:]
        for client in snapshot.clients where client.status == .jobSearch {
            if let id = client.specialistID { seekers[id, default: 0] += 1 }
        }
        var targets: [UUID: Int] = [:]
        for specialist in snapshot.specialists {
            targets[specialist.id] = EmployerContactTarget.weeklyTarget(jobSeekers: seekers[specialist.id] ?? 0, settings: settings)
        }
        weeklyTargets = targets
        employerNames = snapshot.employers.map { (Completion.Key($0.name), $0) }
        businessTypes = BusinessTypeIndex(snapshot.employers)
        directoryOrders = Self.directoryOrders(employerNames, summaries: summaries)
        openClientNames = snapshot.clients.filter { $0.status != .closed }
            .map { (Completion.Key($0.name + " " + ($0.preferredName ?? "")), $0) }
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
                            target: EmployerContactTarget.target(weekly: weekly, days: period.dayCount), today: today)
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
        return firstIndex(in: days, notBelow: period.to.dayNumber + 1) - firstIndex(in: days, notBelow: period.from.dayNumber)
    }

    private func firstIndex(in sorted: [Int], notBelow value: Int) -> Int {
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
        struct Keys {
            var index: Int
            var name: [UInt8]
            var id: UUID
            var lastVisit: Int
            var recent: Int
        }
        let listed: [Keys] = names.indices.compactMap { index in
            guard let summary = summaries[names[index].employer.id] else { return nil }
            return Keys(index: index, name: names[index].key.bytes, id: summary.id,
                        lastVisit: summary.lastVisit?.dayNumber ?? .min, recent: summary.visitsInLast90Days)
        }
        var orders: [EmployerSort: [Int]] = [:]
        for sort in EmployerSort.allCases {
            orders[sort] = listed.sorted { a, b in
                switch sort {
                case .name: break
                case .lastVisit: if a.lastVisit != b.lastVisit { return a.lastVisit > b.lastVisit }
                case .recentVisits: if a.recent != b.recent { return a.recent > b.recent }
                }
                return a.name != b.name ? a.name.lexicographicallyPrecedes(b.name) : UUID.precedes(a.id, b.id)
            }.map(\.index)
        }
        return orders
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
