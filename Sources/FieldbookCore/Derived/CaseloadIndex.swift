import Foundation

/// The caseload list's keys, worked out once per data change: every client's folded name and
/// sort keys, and the clients in the order of each sort. Filtering or searching then walks one
/// ordered list (no sorting, no folding of names, no UUID formatting per key); after a client
/// is saved, `updating(_:in:due:)` moves that one client instead of building it all again.
public struct CaseloadIndex: Sendable {
    struct Entry: Sendable {
        var client: Client
        /// The name folded (case and accents dropped), as UTF-8: the name sort's key.
        var name: [UInt8]
        /// What a search looks in, folded, as UTF-8: the name, the preferred name, the phone (as
        /// typed and as digits alone), the email, and each job's employer and title.
        var searchable: [UInt8]
        var status: Int
        var specialist: String
        var lastContact: LocalDate
        var nextDue: LocalDate
    }

    private var entries: [Entry] = []
    private var position: [UUID: Int] = [:]
    /// For each sort (by raw value), the entries ascending.
    private var orders: [[Int]] = []
    private var unreadable: [CaseloadRow] = []
    private var specialistNames: [UUID: String] = [:]

    static let never = LocalDate(dayNumber: -1_000_000)
    static let nothingDue = LocalDate(dayNumber: 1_000_000)
    static let statusOrder = Dictionary(uniqueKeysWithValues: ClientStatus.allCases.enumerated().map { ($1, $0) })

    public init() {}

    /// `due` gives each client's next due date (the "next due" sort).
    public init(data: DataSnapshot, due: DueList) {
        specialistNames = Dictionary(data.specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        entries = data.clients.map { entry(for: $0, due: due) }
        for (index, entry) in entries.enumerated() where position[entry.client.id] == nil { position[entry.client.id] = index }
        orders = CaseloadSort.allCases.map { sort in
            entries.indices.sorted { Self.ascending(entries[$0], entries[$1], by: sort) }
        }
        unreadable = Self.unreadableRows(data)
    }

    /// The index after `client` was saved (changed or new): the other clients keep their keys.
    /// Builds it all again when the specialists changed, since their names are sort keys.
    public func updating(_ client: Client, in data: DataSnapshot, due: DueList) -> CaseloadIndex {
        var index = self
        index.update(client, in: data, due: due)
        return index
    }

    /// `updating`, in place: an index held nowhere else is changed where it is, not copied.
    public mutating func update(_ client: Client, in data: DataSnapshot, due: DueList) {
        let names = Dictionary(data.specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        guard names == specialistNames, data.clients.count == entries.count + (position[client.id] == nil ? 1 : 0) else {
            self = CaseloadIndex(data: data, due: due)
            return
        }
        unreadable = Self.unreadableRows(data)
        let fresh = entry(for: client, due: due)
        let at: Int
        if let known = position[client.id] {
            at = known
            entries[at] = fresh
            for sort in CaseloadSort.allCases {
                if let old = orders[sort.rawValue].firstIndex(of: at) { orders[sort.rawValue].remove(at: old) }
            }
        } else {
            at = entries.count
            entries.append(fresh)
            position[client.id] = at
        }
        for sort in CaseloadSort.allCases {
            let point = insertionPoint(of: fresh, in: orders[sort.rawValue], by: sort)
            orders[sort.rawValue].insert(at, at: point)
        }
    }

    /// The rows shown for `query`. Unreadable client files come last, always (unless searching),
    /// so a broken file is never silently missing from the list.
    public func rows(for query: CaseloadQuery) -> [CaseloadRow] { Array(matches(for: query)) }

    /// The same rows, each made when it is read: a search or filter of an agency's clients keeps
    /// only their places in the index, so a key typed copies no client (only the rows shown are).
    public func matches(for query: CaseloadQuery) -> CaseloadRows {
        let words = NameSearch.searchable(query.text).split(whereSeparator: \.isWhitespace).map { Array($0.utf8) }
        let order = orders.isEmpty ? [] : orders[query.sort.rawValue]
        // Searching everyone sets the specialist and status filters aside.
        let filtered = !(query.searchesEveryone && !words.isEmpty)
        var admitted: [Int32] = []
        admitted.reserveCapacity(order.count)
        entries.withUnsafeBufferPointer { entries in
            func admit(_ index: Int) {
                // Fields are read in place: no client is copied here.
                guard !filtered || query.specialistFilter == nil || entries[index].client.specialistID == query.specialistFilter,
                      !filtered || query.statusFilter.admits(entries[index].client.status),
                      words.allSatisfy({ Self.contains(entries[index].searchable, $0) })
                else { return }
                admitted.append(Int32(index))
            }
            if query.ascending {
                for index in order { admit(index) }
            } else {
                for index in order.reversed() { admit(index) }
            }
        }
        return CaseloadRows(entries: entries, admitted: admitted, unreadable: query.text.isEmpty ? unreadable : [])
    }

    // MARK: Keys

    /// What a search looks in for `client` (see `Entry.searchable`).
    static func searchable(_ client: Client) -> String {
        var texts = [client.name]
        if let preferred = client.preferredName { texts.append(preferred) }
        if let phone = client.phone {
            texts.append(phone)
            texts.append(String(phone.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.map(Character.init)))
        }
        if let email = client.email { texts.append(email) }
        for job in client.jobs { texts += [job.employerName, job.title] }
        return texts.map(NameSearch.searchable).joined(separator: " ")
    }

    private func entry(for client: Client, due: DueList) -> Entry {
        let name = NameSearch.fold(client.name)
        let searchable = Self.searchable(client)
        return Entry(client: client, name: Array(name.utf8), searchable: Array(searchable.utf8),
                     status: Self.statusOrder[client.status] ?? 0,
                     specialist: client.specialistID.flatMap { specialistNames[$0] } ?? "~",
                     lastContact: client.lastContact?.date ?? Self.never,
                     nextDue: due.nextItem(forClient: client.id)?.dueOn ?? Self.nothingDue)
    }

    /// The order of `sort`, ties broken by folded name, then by id (as bytes, never formatted).
    static func ascending(_ a: Entry, _ b: Entry, by sort: CaseloadSort) -> Bool {
        switch sort {
        case .name: break
        case .status: if a.status != b.status { return a.status < b.status }
        case .specialist: if a.specialist != b.specialist { return a.specialist < b.specialist }
        case .daysInProgram:
            let (x, y) = (a.client.programEntryDate, b.client.programEntryDate)
            if x != y { return x > y }
        case .lastContact: if a.lastContact != b.lastContact { return a.lastContact < b.lastContact }
        case .nextDue: if a.nextDue != b.nextDue { return a.nextDue < b.nextDue }
        }
        if a.name != b.name { return a.name.lexicographicallyPrecedes(b.name) }
        return Self.idPrecedes(a.client.id, b.client.id)
    }

    static func idPrecedes(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { x in
            withUnsafeBytes(of: b.uuid) { y in x.lexicographicallyPrecedes(y) }
        }
    }

    private func insertionPoint(of entry: Entry, in order: [Int], by sort: CaseloadSort) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if Self.ascending(entries[order[middle]], entry, by: sort) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// True when `needle` occurs in `haystack` (bytes of folded UTF-8). The C library's `memchr`
    /// finds each place the needle's first byte occurs; only those places are compared.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let wanted = needle.baseAddress else { return false }
                let last = haystack.count - needle.count
                var start = 0
                while start <= last {
                    guard let found = memchr(base + start, Int32(wanted[0]), last - start + 1) else { return false }
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, wanted, needle.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    static func unreadableRows(_ data: DataSnapshot) -> [CaseloadRow] {
        data.problems.filter { problem in
            // A client file with conflict markers is listed too: to merge by hand.
            problem.kind == .client
                || (problem.pendingMerge?.source == .conflictMarkers && problem.path.hasPrefix(DataLayout.clients + "/"))
        }.map(CaseloadRow.unreadable)
    }
}

/// The caseload rows of one query (`CaseloadIndex.matches(for:)`): the clients admitted, by
/// their place in the index, then the unreadable files. A row is made when it is read.
public struct CaseloadRows: RandomAccessCollection, Sendable {
    let entries: [CaseloadIndex.Entry]
    let admitted: [Int32]
    let unreadable: [CaseloadRow]

    public init() {
        entries = []
        admitted = []
        unreadable = []
    }

    init(entries: [CaseloadIndex.Entry], admitted: [Int32], unreadable: [CaseloadRow]) {
        self.entries = entries
        self.admitted = admitted
        self.unreadable = unreadable
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { admitted.count + unreadable.count }

    public subscript(position: Int) -> CaseloadRow {
        position < admitted.count ? .client(entries[Int(admitted[position])].client) : unreadable[position - admitted.count]
    }

    /// The place of the client's row, if listed (without making the rows before it).
    public func firstIndex(ofClient id: UUID) -> Int? {
        admitted.firstIndex { entries[Int($0)].client.id == id }
    }
}
