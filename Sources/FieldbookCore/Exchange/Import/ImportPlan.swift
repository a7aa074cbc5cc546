import Foundation

/// What importing a sheet would do: the records to write, what was wrong, what to tell the
/// person. Built without touching the disk (`CSVImport.plan`), written by `ImportPlan.apply`.
public struct ImportPlan: Sendable {
    public struct BadRow: Sendable, Equatable {
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    public var kind: ExchangeKind
    public var rowsRead = 0
    public var badRows: [BadRow] = []
    /// Header cells that name no column of this kind; their cells are ignored.
    public var unknownColumns: [String] = []
    /// Rows that added a record, changed one, or matched one already there unchanged.
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Lines for the person: records created on the way, clients updated (by their ids).
    public var notes: [String] = []

    public var specialists: [Specialist] = []
    public var employers: [Employer] = []
    public var clients: [Client] = []
    public var employerContacts: [EmployerContact] = []
    /// Employer contacts whose row gave another month or specialist: removed from the file
    /// they were in before `employerContacts` writes them into their new one.
    public var movedEmployerContacts: [EmployerContact] = []

    public init(kind: ExchangeKind) { self.kind = kind }

    /// Nothing to write: every row was bad or already there.
    public var writesNothing: Bool {
        specialists.isEmpty && employers.isEmpty && clients.isEmpty && employerContacts.isEmpty
    }

    /// Files one apply writes (employer contacts count one per month file and specialist).
    public var writeCount: Int {
        specialists.count + employers.count + clients.count
            + Set(employerContacts.map { DataLayout.employerContacts(specialist: $0.specialistID, month: $0.date) }).count
    }

    /// Writes the plan through the store (its lock, merge and audit trail), specialists and
    /// employers first so that nothing written refers to a record not yet there. `progress`
    /// hears (files written, files to write).
    public func apply(to store: Store, progress: (Int, Int) -> Void = { _, _ in }) throws(StoreError) {
        let total = writeCount
        var done = 0
        func step() {
            done += 1
            progress(done, total)
        }
        for specialist in specialists {
            try store.saveKeepingTimestamp(specialist)
            step()
        }
        for employer in employers {
            try store.saveKeepingTimestamp(employer)
            step()
        }
        for client in clients {
            try store.saveKeepingTimestamp(client)
            step()
        }
        for old in movedEmployerContacts {
            try store.delete(old)
        }
        let months = Dictionary(grouping: employerContacts) {
            DataLayout.employerContacts(specialist: $0.specialistID, month: $0.date)
        }
        for (_, contacts) in months.sorted(by: { $0.key < $1.key }) {
            try store.saveKeepingTimestamps(contacts)
            step()
        }
    }
}
