import FieldbookCore
import Foundation
import Testing

/// The two passes of an import: a check that writes nothing, and a write in batches whose
/// records leave memory once written. Rows that come back to a record of an earlier batch must
/// find it as that batch left it.
@Suite struct ImportBatchTests {
    /// Writes `text` as a sheet of `kind` in batches of `batchRows` rows into the sheet's folder.
    @discardableResult
    func write(_ sheet: SheetImporter, _ kind: ExchangeKind, _ text: String, batchRows: Int) throws -> (check: ImportPlan, write: ImportPlan) {
        let table = try CSVTable.read(Data(text.utf8))
        let store = try Store(folder: sheet.folder)
        let snapshot = store.load()
        // The same ids in both passes, so that their notes can be compared.
        let seed = UUID().uuidString.prefix(24)
        func ids() -> () -> UUID {
            nonisolated(unsafe) var next = 0
            return {
                next += 1
                return UUID(uuidString: seed + String(format: "%012d", next))!
            }
        }
        let check = CSVImport.plan(kind, table: table, snapshot: snapshot, today: sheet.today, now: sheet.now, newID: ids())
        var rows = table.rows.makeIterator()
        let written = try CSVImport.write(kind, header: table.header, rows: &rows, snapshot: snapshot, to: store,
                                          today: sheet.today, now: sheet.now, newID: ids(), batchRows: batchRows)
        return (check, written)
    }

    /// Every kind of row that comes back to a record of an earlier row, each in batches of one
    /// row, two rows and the whole sheet: the folders come out the same, and the check counts
    /// what the write does.
    @Test func batchesOfAnySizeWriteWhatOneBatchWrites() throws {
        let fieldbookID = "0d3c9a52-6f1e-4c1a-9b1e-3f6a1d2c4b01"
        let clients = """
            fieldbook_id,id,name,program_entry,specialist,phone
            \(fieldbookID),,Ana,2026-01-02,Maria,555-1000
            ,C-2,Ben,2026-01-03,Jordan,
            \(fieldbookID),,Ana,2026-01-02,Maria,555-2000
            ,C-3,Cy,2026-01-04,Maria,
            """
        let jobs = """
            client_id,employer,title,start,end
            C-2,Bean There,Barista,2026-02-01,
            C-3,Shop,Clerk,2026-02-01,
            C-2,Bean There,Barista,2026-02-01,2026-03-01
            C-2,Library,Shelver,2026-04-01,
            """
        let contacts = """
            client_id,date,kind,note
            C-2,2026-02-02,phone,first
            C-3,2026-02-02,face-to-face,
            C-2,2026-02-03,phone,second
            """
        let employerContacts = """
            date,specialist,employer,method,purpose,contact_person,outcome,on_behalf_of
            2026-02-05,Maria,Bean There,face-to-face,learn-needs,Kim,,C-2
            2026-02-06,Jordan,Shop,phone,follow-up,,,
            2026-02-05,Maria,Bean There,face-to-face,learn-needs,Kim,Hiring in spring,C-2
            2026-03-01,Maria,Bean There,phone,follow-up,Kim,,C-3
            """
        var folders: [DataSnapshot] = []
        for batchRows in [1, 2, 500] {
            let sheet = SheetImporter()
            let expected: [(ExchangeKind, String, added: Int, updated: Int)] = [
                (.clients, clients, 3, 1), (.jobs, jobs, 3, 1), (.clientContacts, contacts, 3, 0), (.employerContacts, employerContacts, 3, 1),
            ]
            for (kind, text, added, updated) in expected {
                let (check, written) = try write(sheet, kind, text, batchRows: batchRows)
                #expect(check.badRowCount == 0, "\(kind): \(check.badRows)")
                #expect((check.added, check.updated) == (added, updated), "\(kind) checked, batches of \(batchRows)")
                #expect((written.added, written.updated) == (added, updated), "\(kind) written, batches of \(batchRows)")
                #expect(written.notes == check.notes, "\(kind), batches of \(batchRows)")
                #expect(written.recordsChanged == check.recordsChanged, "\(kind), batches of \(batchRows)")
            }
            let snapshot = try sheet.snapshot()
            #expect(snapshot.problems.isEmpty)
            let ana = try #require(snapshot.clients.first { $0.id == UUID(uuidString: fieldbookID) })
            #expect(ana.phone == "555-2000", "batches of \(batchRows)")
            let ben = try #require(snapshot.clients.first { $0.externalID == "C-2" })
            #expect(ben.jobs.map(\.title) == ["Barista", "Shelver"], "batches of \(batchRows)")
            #expect(ben.jobs.first?.endDate == date("2026-03-01"), "batches of \(batchRows)")
            #expect(ben.contacts.compactMap(\.note) == ["first", "second"], "batches of \(batchRows)")
            let spring = snapshot.employerContacts.filter { $0.contactPerson == "Kim" && $0.date == date("2026-02-05") }
            #expect(spring.map(\.outcome) == ["Hiring in spring"], "the second row updates the first, batches of \(batchRows)")
            #expect(snapshot.employerContacts.count == 3, "batches of \(batchRows)")
            #expect(snapshot.specialists.count == 2 && snapshot.employers.count == 3, "batches of \(batchRows)")
            folders.append(snapshot)
        }
        // The same records whatever the batches (ids of new records are drawn anew each time).
        func shape(_ snapshot: DataSnapshot) -> [String] {
            let clients = snapshot.clients.map { client in
                "\(client.name)|\(client.phone ?? "")|\(client.jobs.map { "\($0.title)@\($0.endDate?.description ?? "")" })|\(client.contacts.count)"
            }
            let contacts = snapshot.employerContacts.map { "\($0.date)|\($0.method)|\($0.outcome ?? "")|\($0.jobSeekerIDs.count)" }
            return (clients + contacts).sorted()
        }
        #expect(shape(folders[0]) == shape(folders[2]))
        #expect(shape(folders[1]) == shape(folders[2]))
    }

    /// A contact moved to another month by a row, then moved again by a row of a later batch:
    /// one copy is left, in the last month.
    @Test func aContactMovedInTwoBatchesLeavesOneCopy() throws {
        let sheet = SheetImporter()
        let id = "8a4c1c3e-0b7e-4a52-9d55-0f5d3b1e6a02"
        try write(sheet, .employerContacts, "fieldbook_id,date,specialist,employer\n\(id),2026-09-30,Maria,Shop\n", batchRows: 1)
        let text = """
            fieldbook_id,date,specialist,employer
            \(id),2026-10-15,Maria,Shop
            ,2026-10-16,Maria,Shop
            \(id),2026-11-20,Maria,Shop
            """
        let (check, written) = try write(sheet, .employerContacts, text, batchRows: 1)
        #expect((check.added, check.updated) == (1, 2))
        #expect((written.added, written.updated) == (1, 2))
        let contacts = try sheet.snapshot().employerContacts
        #expect(contacts.filter { $0.id == UUID(uuidString: id) }.map(\.date) == [date("2026-11-20")])
        #expect(contacts.count == 2)
    }

    /// Bad rows and notes kept are capped; the rest are counted.
    @Test func badRowsAndNotesAreListedUpToACapAndCounted() throws {
        let sheet = SheetImporter()
        var text = "id,name,program_entry,specialist\n"
        for n in 1...250 { text += "C-\(n),Person \(n),2026-13-01,\n" }
        for n in 251...400 { text += "C-\(n),Person \(n),2026-01-02,Specialist \(n)\n" }
        let plan = try sheet.run(.clients, text, apply: false)
        #expect(plan.badRowCount == 250)
        #expect(plan.badRows.count == ImportPlan.listedAtMost)
        #expect(plan.badRowsNotListed == 150)
        #expect(plan.badRows.last?.line == 101)
        #expect(plan.noteCount == 150)
        #expect(plan.notes.count == ImportPlan.listedAtMost)
        #expect(plan.notes.first == "specialist created: Specialist 251")
        #expect(plan.notesNotListed == 50)
        #expect(plan.added == 150)
    }

    /// A write asked to stop between rows leaves the rows before it in, and nothing after.
    @Test func aWriteStoppedBetweenRowsKeepsTheRowsBefore() throws {
        let sheet = SheetImporter()
        var text = "id,name,program_entry\n"
        for n in 1...10 { text += "C-\(n),Person \(n),2026-01-02\n" }
        let table = try CSVTable.read(Data(text.utf8))
        let store = try Store(folder: sheet.folder)
        var rows = table.rows.makeIterator()
        var done = 0
        let plan = try CSVImport.write(.clients, header: table.header, rows: &rows, snapshot: store.load(), to: store,
                                       today: sheet.today, now: sheet.now, batchRows: 4,
                                       progress: { done = $0 }, shouldStop: { done == 6 })
        #expect(plan.stopped)
        #expect(plan.rowsWritten == 6)
        #expect(try sheet.snapshot().clients.compactMap(\.externalID).sorted() == (1...6).map { "C-\($0)" }.sorted())
        let again = try sheet.run(.clients, text)
        #expect((again.added, again.unchanged) == (4, 6), "importing again adds only the rows left")
    }
}
