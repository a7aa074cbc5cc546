import FieldbookCore
import SyntheticData
import Foundation
import Testing

@Suite struct ExportTests {
    /// A folder with every field of every kind filled somewhere, in several scripts, with
    /// cells a spreadsheet would take for formulas.
    func richFolder(_ folder: URL) throws -> DataSnapshot {
        let store = try Store(folder: folder)
        let maria = Specialist(name: "Maria Okafor", createdAt: instant(1_700_000_000))
        let li = Specialist(name: "李伟", createdAt: instant(1_700_000_000))
        let cafe = Employer(name: "Bean There Café", businessType: "Coffee shop",
                            people: [EmployerPerson(name: "Sam Patel", hires: true)], createdAt: instant(1_700_000_100))
        let shop = Employer(name: "=Shop+", createdAt: instant(1_700_000_100))
        for specialist in [maria, li] { try store.saveKeepingTimestamp(specialist) }
        for employer in [cafe, shop] { try store.saveKeepingTimestamp(employer) }
        var jose = Sample.client(specialist: maria.id)
        jose.externalID = "C-1"
        jose.workingAtEntry = false
        jose.address = "1 Main St, Apt 2\nBack door"
        jose.mentalHealthTeam = "North team"
        jose.clinician = "Dr. Lee"
        jose.vocationalRehabCounsellor = "@vr"
        jose.followAlongIntervalDays = 10
        jose.notes = "Said \"yes\", then -later- maybe"
        jose.setStatus(.working, on: date("2026-09-01"))
        jose.setStatus(.followAlong, on: date("2026-10-01"))
        jose.jobs[0].employerID = cafe.id
        jose.jobs[0].employerName = cafe.name
        jose.jobs[0].endNote = "Moved away"
        jose.jobs.append(Job(employerID: shop.id, employerName: shop.name, title: "-Stock-", startDate: date("2026-10-20"),
                             hoursPerWeek: 12.5, isCompetitive: false))
        jose.contacts.append(ClientContact(date: date("2026-11-21"), kind: .outreachAttempt, specialistID: li.id,
                                           createdAt: instant(1_763_700_000)))
        jose.updatedAt = instant(1_763_800_000)
        var noExternal = Client(name: "فاطمة الزهراء", phone: "+1 555 0100", programEntryDate: date("2026-02-01"),
                                specialistID: li.id, status: .closed, declinedFollowAlong: true, createdAt: instant(1_750_000_000))
        noExternal.statusHistory = [StatusChange(date: date("2026-08-31"), from: .engaging, to: .closed)]
        noExternal.workingAtEntry = true
        let plain = Client(name: "Zoë Müller", programEntryDate: date("2026-03-01"), createdAt: instant(1_751_000_000))
        for client in [jose, noExternal, plain] { try store.saveKeepingTimestamp(client) }
        try store.saveKeepingTimestamps([
            EmployerContact(date: date("2026-11-16"), specialistID: maria.id, employerID: cafe.id,
                            contactPersonID: cafe.people[0].id, contactPerson: "Sam Patel", contactTitle: "Owner",
                            purpose: .presentJobSeeker, method: .faceToFace, jobSeekerPresent: true,
                            jobSeekerIDs: [jose.id, noExternal.id], hiringNeeds: "Weekend shifts\nand holidays",
                            outcome: "=good", nextStep: "Call back", nextStepDate: date("2026-11-23"),
                            createdAt: instant(1_763_300_000), updatedAt: instant(1_763_300_100)),
            EmployerContact(date: date("2026-11-17"), specialistID: li.id, employerID: shop.id, purpose: .other,
                            method: .email, createdAt: instant(1_763_300_000)),
        ])
        return store.load()
    }

    func sheet(_ kind: ExchangeKind, of snapshot: DataSnapshot) throws -> CSVTable {
        try CSVTable.read(Data(CSVExport.csv(kind, from: snapshot).utf8))
    }

    func withoutModificationTime(_ clients: [Client]) -> [Client] {
        clients.map { client in
            var copy = client
            copy.updatedAt = Date(timeIntervalSince1970: 0)
            return copy
        }.sorted { $0.id.uuidString < $1.id.uuidString }
    }

    @Test func exportThenImportIntoAFreshFolderReproducesEveryKind() throws {
        let temp = TemporaryFolder()
        let original = try richFolder(temp.path("a"))
        let store = try Store(folder: temp.path("b"))
        for kind in ExchangeKind.allCases {
            let text = CSVExport.csv(kind, from: original)
            let file = temp.path("\(kind.rawValue).csv")
            try Data(text.utf8).write(to: file)
            let table = try CSVTable.read(try Data(contentsOf: file))
            let snapshot = store.load()
            let plan = CSVImport.plan(kind, table: table, snapshot: snapshot, today: date("2026-11-25"), now: instant(1_764_000_000))
            #expect(plan.badRows == [], "\(kind)")
            #expect(plan.unknownColumns == [], "\(kind)")
            try CSVImport.write(kind, table: table, snapshot: snapshot, to: store, today: date("2026-11-25"), now: instant(1_764_000_000))
        }
        let copy = store.load()
        #expect(copy.problems.isEmpty)
        #expect(withoutModificationTime(copy.clients) == withoutModificationTime(original.clients))
        let clientsAfterClientSheet = copy.clients.first { $0.externalID == nil && $0.jobs.isEmpty }
        #expect(clientsAfterClientSheet?.updatedAt == original.clients.first { $0.id == clientsAfterClientSheet?.id }?.updatedAt,
                "a client the other sheets do not touch keeps its timestamps")
        #expect(copy.employerContacts.sorted { $0.date < $1.date } == original.employerContacts.sorted { $0.date < $1.date })
        #expect(Set(copy.specialists.map { [$0.id.uuidString, $0.name] }) == Set(original.specialists.map { [$0.id.uuidString, $0.name] }))
        #expect(Set(copy.employers.map { [$0.id.uuidString, $0.name, $0.businessType ?? ""] })
                == Set(original.employers.map { [$0.id.uuidString, $0.name, $0.businessType ?? ""] }))
        // And the copy's export is the original's, cell for cell.
        for kind in [ExchangeKind.jobs, .clientContacts, .employerContacts] {
            #expect(CSVExport.csv(kind, from: copy) == CSVExport.csv(kind, from: original), "\(kind)")
        }
    }

    @Test func theExportHasEveryColumnAndGuardsFormulas() throws {
        let temp = TemporaryFolder()
        let snapshot = try richFolder(temp.path("a"))
        let clients = try sheet(.clients, of: snapshot)
        #expect(clients.header == ExchangeKind.clients.columns)
        #expect(clients.rows.count == 3)
        let jobs = try sheet(.jobs, of: snapshot)
        #expect(jobs.rows.count == 2)
        #expect(jobs.rows.contains { $0.cells[1] == "'=Shop+" && $0.cells[2] == "'-Stock-" && $0.cells[5] == "12.5" })
        let contacts = try sheet(.employerContacts, of: snapshot)
        #expect(contacts.rows[0].cells[8].hasPrefix("C-1; "), "on_behalf_of names clients by their spreadsheet id")
        #expect(contacts.rows[0].cells[10] == "'=good")
        let phone = clients.rows.compactMap { $0.cells[7].isEmpty ? nil : $0.cells[7] }
        #expect(phone.contains("'+1 555 0100"))
    }

    @Test func theFullCopyHoldsEveryRecordAndReadsBack() throws {
        let temp = TemporaryFolder()
        var snapshot = try richFolder(temp.path("a"))
        snapshot.fidelityReviews = [FidelityReview(date: date("2026-11-20"), scores: [FidelityReview.Score(item: 1, score: 4, note: "ok")],
                                                   createdAt: instant(1_700_000_000))]
        let copy = FullCopy(snapshot)
        let file = temp.path("out/copy.json")
        try ExportFile.write(try copy.data(), to: file)
        let back = try FullCopy.read(try Data(contentsOf: file))
        #expect(back == copy)
        #expect(back.clients.count == 3 && back.employers.count == 2 && back.specialists.count == 2)
        #expect(back.employerContacts.count == 2)
        #expect(back.fidelityReviews == snapshot.fidelityReviews)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Employer contacts come by date, and on one date by their id's text, whatever order the
    /// snapshot holds them in.
    @Test func theFullCopyListsContactsByDateThenIdText() throws {
        let temp = TemporaryFolder()
        var snapshot = try richFolder(temp.path("a"))
        let model = try #require(snapshot.employerContacts.first)
        let ids = ["F0000000-0000-4000-8000-000000000001", "0A000000-0000-4000-8000-000000000002",
                   "0B000000-0000-4000-8000-000000000003", "C0000000-0000-4000-8000-000000000004"]
        let dates = ["2026-11-21", "2026-11-21", "2026-11-20", "2026-11-21"]
        snapshot.employerContacts = try zip(ids, dates).map { id, day in
            var contact = model
            contact.id = try #require(UUID(uuidString: id))
            contact.date = date(day)
            return contact
        }
        let listed = FullCopy(snapshot).employerContacts.map { "\($0.date) \($0.id.uuidString.prefix(2))" }
        #expect(listed == ["2026-11-20 0B", "2026-11-21 0A", "2026-11-21 C0", "2026-11-21 F0"])
    }

    /// The reference for the full copy's bytes: Foundation's encoder with the data files' options.
    func encodedByFoundation(_ copy: FullCopy) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return Array(try encoder.encode(copy)) + [0x0A]
    }

    @Test func theFullCopyIsWrittenRecordByRecordAsFoundationWritesItWhole() throws {
        let temp = TemporaryFolder()
        var snapshot = try richFolder(temp.path("a"))
        snapshot.clients[0].notes = "Tab\there, bell \u{07}, quote \" and back\\slash / é 李"
        snapshot.fidelityReviews = [FidelityReview(date: date("2026-11-20"), scores: [FidelityReview.Score(item: 1, score: 4, note: "ok")],
                                                   createdAt: instant(1_700_000_000))]
        let copy = FullCopy(snapshot)
        #expect(Array(try copy.data()) == (try encodedByFoundation(copy)))
        // Empty lists, as the encoder writes them.
        let empty = FullCopy(DataSnapshot())
        #expect(Array(try empty.data()) == (try encodedByFoundation(empty)))
    }

    @Test func aLargeCopyComesInPiecesThatEndAtLineEnds() throws {
        let copy = FullCopy(SyntheticFolder.snapshot(.caseload))
        var pieces: [[UInt8]] = []
        try copy.write { pieces.append($0) }
        #expect(pieces.count > 1, "a caseload's copy is several pieces of about 1 MiB")
        #expect(pieces.allSatisfy { $0.last == 0x0A })
        #expect(pieces.flatMap { $0 } == (try encodedByFoundation(copy)))
    }

    @Test func aStreamedExportThatFailsLeavesNoFile() throws {
        let temp = TemporaryFolder()
        let file = temp.path("out/copy.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        struct Stop: Error {}
        #expect(throws: StoreError.self) {
            try ExportFile.write(to: file) { sink in
                try sink(Array("{\n".utf8))
                throw Stop()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).isEmpty)
        try ExportFile.write(to: file) { sink in
            try sink(Array("one\n".utf8))
            try sink(Array("two\n".utf8))
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "one\ntwo\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["copy.json"])
        #expect(throws: StoreError.self) { try ExportFile.write(to: file) { sink in try sink([0x0A]) } }
        #expect(try String(contentsOf: file, encoding: .utf8) == "one\ntwo\n", "an existing file is never replaced")
    }
}
