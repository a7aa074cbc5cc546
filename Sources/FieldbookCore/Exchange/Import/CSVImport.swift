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
    /// Clients are named in `client_id` and `on_behalf_of` by their spreadsheet id, else by
    /// their Fieldbook id.
    public static func plan(
        _ kind: ExchangeKind, table: CSVTable, snapshot: DataSnapshot, today: LocalDate, now: Date,
        newID: @escaping () -> UUID = { UUID() }
    ) -> ImportPlan {
        var rows = table.rows.makeIterator()
        return plan(kind, header: table.header, rows: &rows, snapshot: snapshot, today: today, now: now, newID: newID)
    }

    /// The plan of rows read one at a time (`CSVFileRows` reads them from the file as they are
    /// asked for): no row is kept once it is planned. Rows with no text at all are left out.
    public static func plan<Rows: IteratorProtocol<CSVTable.Row>>(
        _ kind: ExchangeKind, header: [String], rows: inout Rows, snapshot: DataSnapshot, today: LocalDate, now: Date,
        newID: @escaping () -> UUID = { UUID() }
    ) -> ImportPlan {
        var plan = ImportPlan(kind: kind)
        let known = Set(kind.columns)
        let columns: [String?] = header.map { cell in
            let name = ExchangeKind.columnName(cell)
            return known.contains(name) ? name : nil
        }
        plan.unknownColumns = header.filter { !known.contains(ExchangeKind.columnName($0)) && !$0.isEmpty }
        var seen: Set<String> = []
        for name in columns.compactMap({ $0 }) where !seen.insert(name).inserted {
            plan.badRows.append(.init(line: 1, reason: "the column \(name) appears twice"))
        }
        let present = Set(columns.compactMap { $0 })
        for alternatives in kind.requiredColumns where present.isDisjoint(with: alternatives) {
            plan.badRows.append(.init(line: 1, reason: "the column \(alternatives.joined(separator: " or ")) is missing"))
        }
        guard plan.badRows.isEmpty else { return plan }

        var work = Working(snapshot: snapshot, now: now, newID: newID)
        while let row = rows.next() {
            if row.cells.allSatisfy({ $0.isEmpty }) { continue }
            plan.rowsRead += 1
            var reader = ImportRow(line: row.line, columns: columns, cells: row.cells)
            let outcome: Outcome
            switch kind {
            case .clients: outcome = work.client(&reader, today: today)
            case .jobs: outcome = work.job(&reader)
            case .clientContacts: outcome = work.clientContact(&reader)
            case .employerContacts: outcome = work.employerContact(&reader)
            }
            if !reader.problems.isEmpty {
                plan.badRows.append(.init(line: row.line, reason: reader.problems.joined(separator: "; ")))
                continue
            }
            switch outcome {
            case .added: plan.added += 1
            case .updated(let note):
                plan.updated += 1
                plan.notes.append("line \(row.line): \(note)")
            case .unchanged: plan.unchanged += 1
            case .rejected: break
            }
        }
        plan.notes = work.notes + plan.notes
        plan.specialists = work.changedSpecialists.compactMap { work.specialists[$0] }
        plan.employers = work.changedEmployers.compactMap { work.employers[$0] }
        plan.clients = work.changedClients.compactMap { work.clients[$0] }
        plan.employerContacts = work.changedContacts.compactMap { work.contacts[$0] }
        plan.movedEmployerContacts = work.movedContacts
        return plan
    }

    enum Outcome {
        case added, updated(String), unchanged, rejected
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
