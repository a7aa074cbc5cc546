import Foundation

/// Turns a sheet into an `ImportPlan` against what the data folder holds. Pure: the same
/// table, snapshot, day and clock give the same plan.
///
/// Identity (docs/import-export.md): a client is the one with the row's `fieldbook_id`, else
/// the one whose external id is the row's `id`. A job is the client's job with the row's
/// `fieldbook_id`, else the one with the same start, employer and title. A client contact is
/// the one with the row's `fieldbook_id`, else the one with the same date, kind, place and
/// note. An employer contact is the one with the row's `fieldbook_id`, else the one with the
/// same date, specialist, employer, method, purpose and contact person. A row matching a record
/// updates it when its values differ, and counts as already there when they do not.
public enum CSVImport {
    /// Rows read between two writes of what they changed (and, in a check, between two
    /// moves of the changed records out of memory).
    public static let batchRows = 500

    /// The check of a sheet held in memory (tests, small files).
    public static func plan(
        _ kind: ExchangeKind, table: CSVTable, snapshot: DataSnapshot, today: LocalDate, now: Date,
        dates: SheetDateOrder? = nil, newID: @escaping () -> UUID = { UUID() }
    ) -> ImportPlan {
        var rows = table.rows.makeIterator()
        return plan(kind, header: table.header, rows: &rows, snapshot: snapshot, today: today, now: now, dates: dates, newID: newID)
    }

    /// The check pass: what importing the rows would do, writing nothing. Rows are read one
    /// at a time (`CSVFileRows` reads them from the file as they are asked for) and none is
    /// kept once checked; the records they change leave memory batch by batch. Rows with no
    /// text at all are left out.
    public static func plan<Rows: IteratorProtocol<CSVTable.Row>>(
        _ kind: ExchangeKind, header: [String], rows: inout Rows, snapshot: DataSnapshot, today: LocalDate, now: Date,
        dates: SheetDateOrder? = nil, newID: @escaping () -> UUID = { UUID() }, progress: (Int) -> Void = { _ in }
    ) -> ImportPlan {
        run(kind, header: header, rows: &rows, snapshot: snapshot, today: today, now: now, dates: dates, newID: newID,
            progress: progress) {
            (work: inout Working, _: inout ImportPlan) throws(Never) in work.endBatch()
        }
    }

    /// The write pass: reads the rows again and writes what they change through the store (its
    /// lock, merge and audit trail) every `batchRows` rows, leaving bad rows out. Each file is
    /// written whole or not at all; a write stopped part way (an error, or `shouldStop` said
    /// yes between two rows) leaves the rows before it imported, and importing the sheet again
    /// adds nothing twice. `progress` hears the rows done so far.
    public static func write<Rows: IteratorProtocol<CSVTable.Row>>(
        _ kind: ExchangeKind, header: [String], rows: inout Rows, snapshot: DataSnapshot, to store: Store,
        today: LocalDate, now: Date, dates: SheetDateOrder? = nil, newID: @escaping () -> UUID = { UUID() },
        batchRows: Int = batchRows, progress: (Int) -> Void = { _ in }, shouldStop: () -> Bool = { false }
    ) throws(ImportWriteError) -> ImportPlan {
        var written = 0
        do {
            return try run(kind, header: header, rows: &rows, snapshot: snapshot, today: today, now: now, dates: dates, newID: newID,
                           batchRows: batchRows, progress: progress, shouldStop: shouldStop)
            { (work: inout Working, plan: inout ImportPlan) throws(StoreError) in
                let saved = try work.batch().write(to: store) { written += 1 }
                // Specialists and employers stay in memory: as saved, so a later save starts from it.
                for specialist in saved.specialists { work.specialists[specialist.id] = specialist }
                for employer in saved.employers { work.employers[employer.id] = employer }
                plan.filesWritten = written
                work.endBatch()
            }
        } catch {
            throw ImportWriteError(cause: error, filesWritten: written)
        }
    }

    /// The write pass over a sheet held in memory (tests, small files).
    @discardableResult
    public static func write(
        _ kind: ExchangeKind, table: CSVTable, snapshot: DataSnapshot, to store: Store, today: LocalDate, now: Date,
        dates: SheetDateOrder? = nil, batchRows: Int = batchRows
    ) throws(ImportWriteError) -> ImportPlan {
        var rows = table.rows.makeIterator()
        return try write(kind, header: table.header, rows: &rows, snapshot: snapshot, to: store, today: today, now: now,
                         dates: dates, batchRows: batchRows)
    }

    private static func run<Rows: IteratorProtocol<CSVTable.Row>, Failure: Error>(
        _ kind: ExchangeKind, header: [String], rows: inout Rows, snapshot: DataSnapshot, today: LocalDate, now: Date,
        dates: SheetDateOrder?, newID: @escaping () -> UUID, batchRows: Int = batchRows, progress: (Int) -> Void = { _ in },
        shouldStop: () -> Bool = { false },
        endBatch: (inout Working, inout ImportPlan) throws(Failure) -> Void
    ) throws(Failure) -> ImportPlan {
        var plan = ImportPlan(kind: kind)
        let known = Set(kind.columns)
        let columns: [String?] = header.map { cell in
            let name = ExchangeKind.columnName(cell)
            return known.contains(name) ? name : nil
        }
        plan.unknownColumns = header.filter { !known.contains(ExchangeKind.columnName($0)) && !$0.isEmpty }
        var seen: Set<String> = []
        for name in columns.compactMap({ $0 }) where !seen.insert(name).inserted {
            plan.bad(.init(line: 1, reason: "the column \(name) appears twice"))
        }
        let present = Set(columns.compactMap { $0 })
        for alternatives in kind.requiredColumns where present.isDisjoint(with: alternatives) {
            plan.bad(.init(line: 1, reason: "the column \(alternatives.joined(separator: " or ")) is missing"))
        }
        guard plan.badRowCount == 0 else { return plan }

        var work = Working(snapshot: snapshot, now: now, newID: newID)
        var sinceBatch = 0
        while !shouldStop(), let row = rows.next() {
            if row.cells.allSatisfy({ $0.isEmpty }) { continue }
            plan.rowsRead += 1
            var reader = ImportRow(line: row.line, columns: columns, cells: row.cells, dateOrder: dates)
            let outcome: Outcome
            switch kind {
            case .clients: outcome = work.client(&reader, today: today)
            case .jobs: outcome = work.job(&reader)
            case .clientContacts: outcome = work.clientContact(&reader)
            case .employerContacts: outcome = work.employerContact(&reader)
            }
            for note in work.notes { plan.created(note) }
            work.notes = []
            if reader.unreadDate { plan.unreadDates = true }
            if !reader.problems.isEmpty {
                plan.bad(.init(line: row.line, reason: reader.problems.joined(separator: "; ")))
            } else {
                switch outcome {
                case .added: plan.added += 1
                case .updated(let note):
                    plan.updated += 1
                    plan.updated("line \(row.line): \(note)")
                case .unchanged: plan.unchanged += 1
                case .rejected: break
                }
            }
            sinceBatch += 1
            if sinceBatch >= batchRows {
                if !work.batchIsEmpty { try endBatch(&work, &plan) }
                sinceBatch = 0
                plan.rowsWritten = plan.rowsRead
            }
            progress(plan.rowsRead)
        }
        plan.stopped = shouldStop()
        if !work.batchIsEmpty { try endBatch(&work, &plan) }
        plan.rowsWritten = plan.rowsRead
        plan.recordsChanged = work.everChanged.count
        return plan
    }

    enum Outcome {
        case added, updated(String), unchanged, rejected
    }
}

/// A write pass that stopped on a store error: `filesWritten` files were written before it.
public struct ImportWriteError: Error, Sendable {
    public var cause: StoreError
    public var filesWritten: Int
}

/// What one batch of rows changed, in the order it is written: specialists and employers first,
/// so that nothing written names a record not yet there.
struct ImportBatch {
    var specialists: [Specialist]
    var employers: [Employer]
    var clients: [Client]
    var movedEmployerContacts: [EmployerContact]
    var employerContacts: [EmployerContact]

    /// Writes the batch; `wrote` hears each file written. The store then lets go of what it
    /// holds of those files. Returns the specialists and employers as saved.
    func write(to store: Store, wrote: () -> Void) throws(StoreError) -> (specialists: [Specialist], employers: [Employer]) {
        var paths: [String] = []
        var saved: (specialists: [Specialist], employers: [Employer]) = ([], [])
        for specialist in specialists {
            saved.specialists.append(try store.saveKeepingTimestamp(specialist).record)
            paths.append(specialist.filePath)
            wrote()
        }
        for employer in employers {
            saved.employers.append(try store.saveKeepingTimestamp(employer).record)
            paths.append(employer.filePath)
            wrote()
        }
        for client in clients {
            try store.saveKeepingTimestamp(client)
            paths.append(client.filePath)
            wrote()
        }
        for old in movedEmployerContacts {
            try store.delete(old)
            paths.append(DataLayout.employerContacts(specialist: old.specialistID, month: old.date))
        }
        let months = Dictionary(grouping: employerContacts) {
            DataLayout.employerContacts(specialist: $0.specialistID, month: $0.date)
        }
        for (path, contacts) in months.sorted(by: { $0.key < $1.key }) {
            try store.saveKeepingTimestamps(contacts)
            paths.append(path)
            wrote()
        }
        store.releaseWritten(paths)
        return saved
    }
}

/// The rows of a CSV file, read from it one at a time as the plan asks; an error ends them and
/// is kept in `error` (the plan made from them is then not to be used).
public struct CSVFileRows: IteratorProtocol {
    private var reader: CSVRowReader
    public private(set) var error: CSVFileError?

    public init(_ reader: CSVRowReader) { self.reader = reader }

    public mutating func next() -> CSVTable.Row? {
        guard error == nil else { return nil }
        do {
            return try reader.next()
        } catch {
            self.error = error
            return nil
        }
    }
}
