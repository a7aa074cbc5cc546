import Foundation

/// The employer directory: every employer's summary (visits, contacts newest first, jobs
/// clients hold there), the directory's orders for each sort, search by name, and employers by
/// type of business. Built from a snapshot on a day; after a save, the steps in
/// EmployerDirectory+Saves.swift work out again only what the saved record touches.
public struct EmployerDirectory: Sendable {
    public let today: LocalDate
    /// Every employer's summary, by employer id.
    public internal(set) var summaries: [UUID: EmployerSummary]
    /// Employers by type of business, for the employers that fit a career profile.
    public internal(set) var businessTypes: BusinessTypeIndex

    /// Each client's place in the snapshot's list (the order of `HeldJob.byEmployer`).
    var clientOrder: [UUID: Int]
    /// Every contact, by employer id (employers missing from the directory too), newest first:
    /// positions into the snapshot's list, not copies (an employer's list after a save of one
    /// of its contacts holds its own contacts).
    var contactsByEmployer: [UUID: ContactList] = [:]
    /// The directory's employers in the snapshot's order, with their names prepared for search
    /// and completion; each employer itself is its summary's (`employer(at:)`), not a copy.
    var employerNames: [(key: Completion.Key, id: UUID)]
    /// Each employer's place in `employerNames`.
    var employerPosition: [UUID: Int]
    /// The employer a job that names its employer only by name is held at: folded name to the
    /// first employer of the directory with that name.
    var employerIDByName: [String: UUID]
    /// Jobs clients hold today, by employer id (see `HeldJob.byEmployer`).
    var heldJobs: [UUID: [HeldJob]]
    var directoryOrders: [EmployerSort: [Int]]

    public init(_ snapshot: DataSnapshot, today: LocalDate) {
        self.init(snapshot, newestFirst: EmployerSummary.newestFirstOrder(snapshot.employerContacts), today: today)
    }

    /// `order`: the positions of the snapshot's contacts newest first (`EmployerSummary.newestFirstOrder`).
    init(_ snapshot: DataSnapshot, newestFirst order: [Int], today: LocalDate) {
        self.today = today
        clientOrder = Dictionary(snapshot.clients.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        employerNames = snapshot.employers.map { (Completion.Key($0.name), $0.id) }
        employerPosition = Dictionary(snapshot.employers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        employerIDByName = Self.employerIDsByName(employerNames)
        heldJobs = Self.heldJobs(snapshot.clients, employerIDByName: employerIDByName, today: today)
        summaries = [:]
        businessTypes = BusinessTypeIndex(snapshot.employers)
        directoryOrders = [:]
        // Newest first, each contact's position goes at the end of its employer's list, made as
        // long as it will be (grown by appending, the lists held spare room).
        let contacts = snapshot.employerContacts
        var counts: [UUID: Int] = [:]
        for contact in contacts { counts[contact.employerID, default: 0] += 1 }
        contactsByEmployer.reserveCapacity(counts.count)
        for (employerID, count) in counts {
            var list = ContactList.into(contacts)
            list.reserveCapacity(count)
            contactsByEmployer[employerID] = list
        }
        for index in order { contactsByEmployer[contacts[index].employerID]!.append(position: index) }
        for employer in snapshot.employers { summaries[employer.id] = summary(employer) }
        directoryOrders = Self.directoryOrders(employerNames, summaries: summaries)
    }

    /// The summary of `employer` from the contacts and held jobs kept here.
    func summary(_ employer: Employer) -> EmployerSummary {
        EmployerSummary(employer: employer, newestFirst: contactsByEmployer[employer.id] ?? [],
                        jobsHeld: heldJobs[employer.id] ?? [], today: today)
    }

    /// Folded name to the first employer with it (names already folded in their keys).
    static func employerIDsByName(_ names: [(key: Completion.Key, id: UUID)]) -> [String: UUID] {
        var result: [String: UUID] = [:]
        for entry in names where result[entry.key.folded] == nil { result[entry.key.folded] = entry.id }
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

    // MARK: Employers

    public func summary(of employerID: UUID) -> EmployerSummary? { summaries[employerID] }

    /// Every contact with the employer, newest first (an employer missing from the directory too).
    public func contacts(atEmployer employerID: UUID) -> ContactList { contactsByEmployer[employerID] ?? [] }

    /// The directory: employers whose name matches `query` (every word, accents optional), in
    /// the chosen order; ties by name. The orders are worked out once (`directoryOrders`), so a
    /// search letter only walks one of them.
    public func directory(sortedBy sort: EmployerSort, matching query: String = "") -> Rows {
        let words = NameSearch.fold(query).split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
        let ids: [UUID] = (directoryOrders[sort] ?? []).compactMap { index in
            let entry = employerNames[index]
            guard words.allSatisfy({ Completion.contains(entry.key.bytes, $0) }),
                  summaries[entry.id] != nil else { return nil }
            return entry.id
        }
        return Rows(ids: ids, summaries: summaries)
    }

    /// Rows of the directory, in order: each employer's id, its summary looked up when read.
    /// A page holds every employer's row; copies of the summaries were most of its memory.
    public struct Rows: RandomAccessCollection, Sendable {
        let ids: [UUID]
        let summaries: [UUID: EmployerSummary]

        /// No rows.
        public init() {
            ids = []
            summaries = [:]
        }

        init(ids: [UUID], summaries: [UUID: EmployerSummary]) {
            self.ids = ids
            self.summaries = summaries
        }

        public var startIndex: Int { ids.startIndex }
        public var endIndex: Int { ids.endIndex }
        public subscript(position: Int) -> EmployerSummary { summaries[ids[position]]! }
    }

    /// The employer at `index` of `employerNames`, as its summary holds it.
    func employer(at index: Int) -> Employer? { summaries[employerNames[index].id]?.employer }

    /// The directory's first `limit` employers by name (as `directory(sortedBy: .name)` lists them).
    func employersByName(limit: Int) -> [Employer] {
        (directoryOrders[.name] ?? []).prefix(max(0, limit)).compactMap { employer(at: $0) }
    }

    /// The name of the person met: from the directory when the contact refers to someone there,
    /// else as typed.
    public func personName(of contact: EmployerContact) -> String? {
        summaries[contact.employerID]?.employer.person(contact.contactPersonID)?.name ?? contact.contactPerson
    }

    /// For each sort of the directory, the employers (indexes into `employerNames`) in order.
    /// Each employer's keys are looked up once, not once per comparison.
    static func directoryOrders(_ names: [(key: Completion.Key, id: UUID)], summaries: [UUID: EmployerSummary])
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
        init?(index: Int, names: [(key: Completion.Key, id: UUID)], summaries: [UUID: EmployerSummary]) {
            guard let summary = summaries[names[index].id] else { return nil }
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
}
