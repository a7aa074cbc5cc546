import FieldbookCore
import Foundation
import Testing

/// Imports a CSV file into a real data folder: written to disk, read back, planned, and
/// applied when every row is good.
struct SheetImporter {
    let temp = TemporaryFolder()
    var folder: URL { temp.path("data") }
    let today = date("2026-11-25")
    let now = instant(1_764_000_000)

    func file(_ bytes: Data, named name: String = "sheet.csv") throws -> URL {
        try FileManager.default.createDirectory(at: temp.url, withIntermediateDirectories: true)
        let url = temp.path(name)
        try bytes.write(to: url)
        return url
    }

    func snapshot() throws -> DataSnapshot { try Store(folder: folder).load() }

    /// Plans `text` as a sheet of `kind`; writes it unless a row is bad (or `apply` is false).
    @discardableResult
    func run(_ kind: ExchangeKind, _ text: String, apply: Bool = true) throws -> ImportPlan {
        try run(kind, bytes: Data(text.utf8), apply: apply)
    }

    @discardableResult
    func run(_ kind: ExchangeKind, bytes: Data, apply: Bool = true, skipBad: Bool = false) throws -> ImportPlan {
        let data = try Data(contentsOf: try file(bytes))
        let table = try CSVTable.read(data)
        let store = try Store(folder: folder)
        let snapshot = store.load()
        let plan = CSVImport.plan(kind, table: table, snapshot: snapshot, today: today, now: now)
        if apply && (plan.badRows.isEmpty || skipBad) {
            try CSVImport.write(kind, table: table, snapshot: snapshot, to: store, today: today, now: now)
        }
        return plan
    }
}

@Suite struct ImportTests {
    @Test func aGoodClientSheetAddsEveryClientWithItsFields() throws {
        let sheet = SheetImporter()
        let plan = try sheet.run(.clients, """
            id,name,preferred_name,program_entry,specialist,status,phone,benefits,disclosure,follow_along,working_at_entry,notes
            C-1,José Álvarez-Ruiz,José,2026-03-02,Maria Okafor,job-search,555-1000,SSI; medicaid,limited,yes,no,Likes mornings
            C-2,陈小明,,2026-04-10,Maria Okafor,working,,,,no,yes,
            C-3,فاطمة الزهراء,,2026-05-01,Zoë Müller,engaging,,,,,,

            """)
        #expect(plan.badRows == [])
        #expect(plan.added == 3)
        #expect(plan.notes == ["specialist created: Maria Okafor", "specialist created: Zoë Müller"])
        let snapshot = try sheet.snapshot()
        #expect(snapshot.clients.count == 3)
        #expect(snapshot.specialists.map(\.name).sorted() == ["Maria Okafor", "Zoë Müller"])
        let jose = try #require(snapshot.clients.first { $0.externalID == "C-1" })
        #expect(jose.name == "José Álvarez-Ruiz")
        #expect(jose.preferredName == "José")
        #expect(jose.programEntryDate == date("2026-03-02"))
        #expect(jose.status == .jobSearch)
        #expect(jose.benefits == [.ssi, .medicaid])
        #expect(jose.disclosure.preference == .limited)
        #expect(jose.workingAtEntry == false)
        #expect(jose.declinedFollowAlong == false)
        #expect(jose.notes == "Likes mornings")
        #expect(snapshot.specialist(jose.specialistID)?.name == "Maria Okafor")
        let chen = try #require(snapshot.clients.first { $0.externalID == "C-2" })
        #expect(chen.name == "陈小明")
        #expect(chen.declinedFollowAlong)
        #expect(chen.workingAtEntry == true)
        #expect(chen.phone == nil)
        let fatima = try #require(snapshot.clients.first { $0.externalID == "C-3" })
        #expect(fatima.name == "فاطمة الزهراء")
        #expect(fatima.workingAtEntry == nil)
    }

    @Test func aBOMCRLFAndQuotedCellsWithCommasQuotesAndNewlinesAreRead() throws {
        let sheet = SheetImporter()
        let text = "\u{FEFF}Name,ID,Program Entry,Notes\r\n"
            + "\"Okafor, Maria\",C-1,2026-03-02,\"Said \"\"hello\"\"\r\nthen left\"\r\n"
            + "Plain,C-2,2026-03-03,\r\n"
            + "\"Bad, Date\",C-3,3/14/2026,\r\n"
        let plan = try sheet.run(.clients, bytes: Data(text.utf8), apply: false)
        #expect(plan.unknownColumns == [])
        #expect(plan.badRows.count == 1)
        #expect(plan.badRows.first?.line == 5, "a quoted newline takes a line of the file")
        #expect(plan.badRows.first?.reason.contains("write it 2026-03-14") == true)
        try sheet.run(.clients, bytes: Data(text.utf8), skipBad: true)
        let clients = try sheet.snapshot().clients
        #expect(clients.count == 2)
        let maria = try #require(clients.first { $0.externalID == "C-1" })
        #expect(maria.name == "Okafor, Maria")
        #expect(maria.notes == "Said \"hello\"\r\nthen left")
    }

    @Test func aFileThatIsNotUTF8IsRefusedWithItsLine() throws {
        let sheet = SheetImporter()
        var bytes = Data("id,name,program_entry\nC-1,Ana,2026-01-02\n".utf8)
        bytes += Data("C-2,Jos".utf8) + Data([0xE9]) + Data(",2026-01-03\n".utf8)  // Latin-1 é
        let url = try sheet.file(bytes)
        #expect(throws: CSVFileError.notUTF8(line: 3)) { try CSVTable.read(try Data(contentsOf: url)) }
        #expect(CSVFileError.notUTF8(line: 3).description.contains("CSV UTF-8"))
    }

    @Test func badRowsAreReportedWithTheirLinesAndReasons() throws {
        let sheet = SheetImporter()
        let plan = try sheet.run(.clients, """
            id,name,program_entry,status,favourite_colour,follow_along
            C-1,Ana,2026-01-02,job-search,blue,yes
            ,Ben,2026-01-02,,,
            C-3,,03/14/2026,,,
            C-4,Dee,2026-01-02,retired,,maybe
            C-1,Eve,2026-01-02,,,
            """)
        #expect(plan.unknownColumns == ["favourite_colour"])
        #expect(plan.badRows.map(\.line) == [3, 4, 5, 6])
        #expect(plan.badRows[0].reason == "id is empty")
        #expect(plan.badRows[1].reason.contains("name is empty"))
        #expect(plan.badRows[1].reason.contains("program_entry \"03/14/2026\" is not a date"))
        #expect(plan.badRows[2].reason.contains("status \"retired\" is not one of"))
        #expect(plan.badRows[2].reason.contains("follow_along \"maybe\" is not yes or no"))
        #expect(plan.badRows[3].reason == "id C-1 is already on line 2")
        #expect(try sheet.snapshot().clients.isEmpty, "nothing is written when a row is bad")
    }

    @Test func aMissingRequiredColumnRefusesTheSheet() throws {
        let sheet = SheetImporter()
        let plan = try sheet.run(.jobs, "client_id,title\nC-1,Cook\n")
        #expect(plan.badRows == [ImportPlan.BadRow(line: 1, reason: "the column start is missing")])
        #expect(plan.rowsRead == 0)
    }

    @Test func importingTheSameFileAgainAddsNothing() throws {
        let sheet = SheetImporter()
        let clients = "id,name,program_entry,specialist\nC-1,Ana,2026-01-02,Maria\nC-2,Ben,2026-02-03,Maria\n"
        let jobs = "client_id,employer,title,start,hours_per_week,hourly_wage\nC-1,Bean There,Barista,2026-03-01,20,15.50\n"
        let contacts = "client_id,date,kind,place,note\nC-1,2026-03-02,attempt,,No answer\nC-2,2026-03-02,face-to-face,Library,\n"
        let employerContacts = "date,specialist,employer,business_type,method,on_behalf_of\n2026-03-03,Maria,Bean There,Coffee shop,face-to-face,C-1;C-2\n"
        try sheet.run(.clients, clients)
        try sheet.run(.jobs, jobs)
        try sheet.run(.clientContacts, contacts)
        try sheet.run(.employerContacts, employerContacts)
        let first = try sheet.snapshot()
        for (kind, text) in [(ExchangeKind.clients, clients), (.jobs, jobs), (.clientContacts, contacts), (.employerContacts, employerContacts)] {
            let again = try sheet.run(kind, text)
            #expect(again.added == 0 && again.updated == 0, "\(kind)")
            #expect(again.unchanged == text.split(separator: "\n").count - 1, "\(kind)")
            #expect(again.writesNothing, "\(kind)")
        }
        #expect(try sheet.snapshot() == first)
        #expect(first.employers.count == 1, "the employer is created once and found by name after")
        #expect(first.employers.first?.businessType == "Coffee shop")
        #expect(first.clients.first { $0.externalID == "C-1" }?.contacts.first?.kind == .outreachAttempt)
        #expect(first.employerContacts.first?.jobSeekerIDs.count == 2)
    }

    /// A client new to Fieldbook from a sheet: its records begin on the import day, or on the
    /// sheet's records_begin; importing it again leaves the day as it was.
    @Test func anImportedClientsRecordsBeginOnTheImportDay() throws {
        let sheet = SheetImporter()
        try sheet.run(.clients, "id,name,program_entry\nC-1,Ana,2026-01-02\n")
        try sheet.run(.clients, "id,name,program_entry,records_begin\nC-2,Ben,2026-01-02,2026-10-01\n")
        let clients = try sheet.snapshot().clients
        #expect(clients.first { $0.externalID == "C-1" }?.recordsBegin == sheet.today)
        #expect(clients.first { $0.externalID == "C-2" }?.recordsBegin == date("2026-10-01"))
        let again = try sheet.run(.clients, "id,name,program_entry\nC-1,Ana,2026-01-02\n")
        #expect(again.unchanged == 1)
    }

    @Test func aClientRowWithOtherValuesUpdatesTheClientAndSaysSo() throws {
        let sheet = SheetImporter()
        try sheet.run(.clients, "id,name,program_entry,status,phone\nC-1,Ana,2026-01-02,job-search,555-1000\nC-2,Ben,2026-01-02,engaging,\n")
        let plan = try sheet.run(.clients, "id,name,program_entry,status,phone\nC-1,Ana,2026-01-02,working,555-2000\nC-2,Ben,2026-01-02,engaging,\n")
        #expect(plan.added == 0)
        #expect(plan.updated == 1)
        #expect(plan.unchanged == 1)
        #expect(plan.notes == ["line 2: client C-1 updated (phone, status, statusHistory)"])
        let ana = try #require(try sheet.snapshot().clients.first { $0.externalID == "C-1" })
        #expect(ana.phone == "555-2000")
        #expect(ana.status == .working)
        #expect(ana.statusHistory == [StatusChange(date: sheet.today, from: .jobSearch, to: .working)])
        #expect(ana.updatedAt == sheet.now)
    }

    @Test func closedOnBecomesTheDateTheClientWasClosed() throws {
        let sheet = SheetImporter()
        try sheet.run(.clients, "id,name,program_entry,status,closed_on\nC-1,Ana,2026-01-02,closed,2026-06-30\nC-2,Ben,2026-01-02,closed,\n")
        let clients = try sheet.snapshot().clients
        let ana = try #require(clients.first { $0.externalID == "C-1" })
        #expect(ana.closedOn == date("2026-06-30"))
        #expect(ana.status(on: date("2026-06-29")) != .closed)
        #expect(ana.status(on: date("2026-06-30")) == .closed)
        #expect(clients.first { $0.externalID == "C-2" }?.closedOn == nil)
        let wrong = try sheet.run(.clients, "id,name,program_entry,status,closed_on\nC-3,Cy,2026-01-02,working,2026-06-30\n", apply: false)
        #expect(wrong.badRows.first?.reason == "closed_on is given but status is working, not closed")
    }

    @Test func jobAndContactRowsNameClientsThatMustExist() throws {
        let sheet = SheetImporter()
        try sheet.run(.clients, "id,name,program_entry\nC-1,Ana,2026-01-02\n")
        let jobs = try sheet.run(.jobs, "client_id,employer,title,start,end\nC-9,Shop,Clerk,2026-02-01,\nC-1,Shop,Clerk,2026-02-01,2026-01-01\n")
        #expect(jobs.badRows.map(\.reason) == ["no client has the id C-9", "end 2026-01-01 is before start 2026-02-01"])
        let contacts = try sheet.run(.clientContacts, "client_id,date,kind\nC-1,2026-02-01,smoke-signal\n")
        #expect(contacts.badRows.first?.reason.hasPrefix("kind \"smoke-signal\" is not one of") == true)
        let employer = try sheet.run(.employerContacts, "date,employer,specialist,on_behalf_of\n2026-02-01,Shop,,C-1;C-7\n")
        #expect(employer.badRows.first?.reason == "specialist is empty (the contact log is kept per specialist); on_behalf_of: no client has the id C-7")
    }

    @Test func emptyRequiredCellsAreNamedInTheOrderOfTheRow() throws {
        let sheet = SheetImporter()
        try sheet.run(.clients, "id,name,program_entry\nC-1,Ana,2026-01-02\n")
        let jobs = try sheet.run(.jobs, "client_id,employer,title,start\n,Shop,Clerk,\nC-1,Shop,Clerk,3/14/2026\n", apply: false)
        #expect(jobs.badRows.map(\.reason) == ["client_id is empty; start is empty",
                                                "start \"3/14/2026\" is not a date: write it 2026-03-14 (or import with --dates mdy)"])
        #expect(jobs.unreadDates)
        let contacts = try sheet.run(.clientContacts, "client_id,date,kind\nC-1,,\n", apply: false)
        #expect(contacts.badRows.map(\.reason) == ["date is empty; kind is empty"])
        let employer = try sheet.run(.employerContacts, "date,employer,specialist\n,Shop,Maria\n", apply: false)
        #expect(employer.badRows.map(\.reason) == ["date is empty"])
    }

    @Test func aJobIsTheSameJobByClientStartEmployerAndTitle() throws {
        let sheet = SheetImporter()
        try sheet.run(.clients, "id,name,program_entry\nC-1,Ana,2026-01-02\n")
        try sheet.run(.jobs, "client_id,employer,title,start,hourly_wage\nC-1,Bean There,Barista,2026-03-01,15\n")
        let plan = try sheet.run(.jobs, "client_id,employer,title,start,end,hourly_wage\nC-1,bean there,BARISTA,2026-03-01,2026-05-01,15\nC-1,Bean There,Barista,2026-06-01,,16\n")
        #expect(plan.updated == 1)
        #expect(plan.added == 1)
        let jobs = try #require(try sheet.snapshot().clients.first?.jobs)
        #expect(jobs.count == 2)
        #expect(jobs.first?.endDate == date("2026-05-01"))
    }

    @Test func formulaGuardsAreRemovedOnImportAndAddedOnExport() throws {
        #expect(CellText.guarded("=SUM(A1)") == "'=SUM(A1)")
        #expect(CellText.guarded("+1 555 0100") == "'+1 555 0100")
        #expect(CellText.guarded("-3") == "'-3")
        #expect(CellText.guarded("@home") == "'@home")
        #expect(CellText.guarded("'=already") == "''=already")
        #expect(CellText.guarded("plain = fine") == "plain = fine")
        #expect(CellText.guarded("'quoted") == "'quoted")
        // A spreadsheet skips a leading tab or carriage return before a formula.
        #expect(CellText.guarded("\t=HYPERLINK(\"x\")") == "'\t=HYPERLINK(\"x\")")
        #expect(CellText.guarded("\r=1+1") == "'\r=1+1")
        #expect(CellText.guarded("\r\n=1+1") == "'\r\n=1+1")
        #expect(CellText.guarded("'\t=x") == "''\t=x")
        for text in ["=SUM(A1)", "+1", "-3", "@x", "'=x", "''+y", "'quoted", "plain", "", "\t=x", "\r\n@y", "'\r=z"] {
            #expect(CellText.unguarded(CellText.guarded(text)) == text)
        }
        let sheet = SheetImporter()
        try sheet.run(.clients, "id,name,program_entry,phone,notes\nC-1,'=HYPERLINK(\"x\"),2026-01-02,'+1 555 0100,'@later\n")
        let client = try #require(try sheet.snapshot().clients.first)
        #expect(client.name == "=HYPERLINK(\"x\")")
        #expect(client.phone == "+1 555 0100")
        #expect(client.notes == "@later")
        let csv = CSVExport.csv(.clients, from: try sheet.snapshot())
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(csv.contains(",'+1 555 0100,"))
    }
}

@Suite struct EmployerContactImportTests {
    @Test func aRowThatMovesAContactToAnotherMonthLeavesNoCopyBehind() throws {
        let sheet = SheetImporter()
        let id = "8a4c1c3e-0b7e-4a52-9d55-0f5d3b1e6a01"
        try sheet.run(.employerContacts, "fieldbook_id,date,specialist,employer,method\n\(id),2026-10-30,Maria,Shop,face-to-face\n")
        let plan = try sheet.run(.employerContacts, "fieldbook_id,date,specialist,employer,method\n\(id),2026-11-02,Maria,Shop,phone\n")
        #expect(plan.updated == 1)
        #expect(plan.notes.last == "line 2: employer contact \(id) updated (date, method)")
        let contacts = try sheet.snapshot().employerContacts
        #expect(contacts.map(\.date) == [date("2026-11-02")])
        #expect(contacts.first?.method == .phone)
    }
}

/// The CSV reader: row by row from the file, and an unclosed quote is an error at its line.
@Suite struct CSVRowReaderTests {
    /// The reproduction: a row whose last cell opens a quote never closed, then 500 good rows.
    static func unclosedSheet() -> String {
        var text = "id,name,program_entry,notes\nC-0,Ana,2026-01-02,\"unclosed… and the rest\n"
        for n in 1...500 { text += "C-\(n),Person \(n),2026-01-02,fine\n" }
        return text
    }

    @Test func anUnclosedQuoteIsAnErrorAtTheLineWhereItOpened() throws {
        #expect(throws: CSVFileError.unclosedQuote(line: 2)) { try CSVTable.read(Data(Self.unclosedSheet().utf8)) }
        // A quote opened on a later line, after a quoted newline that did close.
        let later = "id,notes\nC-1,\"two\nlines\"\nC-2,ok\nC-3,\"open\n"
        #expect(throws: CSVFileError.unclosedQuote(line: 5)) { try CSVTable.read(Data(later.utf8)) }
        #expect(CSVFileError.unclosedQuote(line: 2).description.hasPrefix("line 2 opens a quoted cell"))
    }

    @Test func anUnclosedQuoteImportsNothing() throws {
        let sheet = SheetImporter()
        #expect(throws: CSVFileError.unclosedQuote(line: 2)) { try sheet.run(.clients, Self.unclosedSheet()) }
        #expect(try sheet.snapshot().clients.isEmpty)
    }

    /// Read from the file in chunks of a few bytes, a sheet with a BOM, CRLF, quoted commas,
    /// quotes and newlines gives the same rows and lines as read at once.
    @Test func readingInSmallChunksGivesTheSameRowsAndLines() throws {
        let text = "\u{FEFF}id,name,notes\r\nC-1,\"Okafor, Maria\",\"Said \"\"hi\"\"\r\nthen left\"\r\n\r\nC-2,Ben,plain\nC-3,\"\",\"é\"\rC-4,x,y"
        let sheet = SheetImporter()
        let url = try sheet.file(Data(text.utf8))
        let whole = try CSVTable.read(Data(text.utf8))
        for size in [1, 2, 3, 7, 64] {
            var reader = try CSVRowReader(file: url, chunkSize: size)
            let header = try CSVTable.readHeader(&reader)
            var rows: [CSVTable.Row] = []
            while let row = try reader.next() {
                if !row.cells.allSatisfy(\.isEmpty) { rows.append(row) }
            }
            #expect(header == whole.header)
            #expect(rows == whole.rows, "chunks of \(size) bytes")
        }
        #expect(whole.header == ["id", "name", "notes"])
        #expect(whole.rows.map(\.line) == [2, 5, 6, 7])
        #expect(whole.rows[0].cells == ["C-1", "Okafor, Maria", "Said \"hi\"\r\nthen left"])
        #expect(whole.rows[2].cells == ["C-3", "", "é"])
        #expect(whole.rows[3].cells == ["C-4", "x", "y"])
    }
}
